package cn.kexie.capability.excel;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The rows of a list that a service hands out in pages, read page by page while the sheet is written. */
public final class ExcelRows {

    /** Rows fetched per call of the service. */
    public static final int PAGE = 500;

    /** One page of a list: the items from {@code offset}, at most {@code limit} of them. */
    @FunctionalInterface
    public interface PageSource<T> {
        List<T> page(int offset, int limit);
    }

    private ExcelRows() {
    }

    /**
     * Every row of the list, asking the source for pages of {@link #PAGE} until one comes back short
     * (the same service call the list on screen makes, so the export sees what the list sees).
     */
    public static <T> Iterable<T> paged(PageSource<T> source) {
        return () -> new Iterator<>() {
            private List<T> page = List.of();
            private int index;
            private int offset;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (last) {
                    return false;
                }
                page = source.page(offset, PAGE);
                offset += page.size();
                index = 0;
                last = page.size() < PAGE;
                return !page.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(index++);
            }
        };
    }
}
