package cn.kexie.capability.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Building blocks of the documents' XHTML. Every text that comes from a user or the database goes
 * through {@link #text}; templates are plain Java strings, no template engine evaluates anything.
 */
public final class Xhtml {

    /** Page layout and type shared by every document: A4, the shipped font, numbered pages. */
    static final String BASE_CSS = """
            @page { size: A4; margin: 20mm 18mm 20mm 18mm;
              @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页";
                font-family: '%1$s'; font-size: 9pt; color: #555; } }
            @page landscape { size: A4 landscape; }
            body { font-family: '%1$s'; font-size: 11pt; line-height: 1.6; color: #000; }
            h1 { font-size: 18pt; font-weight: normal; text-align: center; margin: 0 0 4mm 0; }
            h2 { font-size: 13pt; font-weight: normal; margin: 5mm 0 2mm 0; page-break-after: avoid; }
            p { margin: 1mm 0; }
            table { width: 100%%; table-layout: fixed; border-collapse: collapse; margin: 2mm 0 3mm 0;
              -fs-table-paginate: paginate; }
            th.no { width: 40mm; }
            th, td { border: 0.6pt solid #000; padding: 1.2mm 2mm; vertical-align: top; text-align: left; }
            th { background: #eee; font-weight: normal; }
            tr { page-break-inside: avoid; }
            .num { text-align: right; white-space: nowrap; }
            .center { text-align: center; }
            .label { width: 28mm; background: #f4f4f4; }
            .muted { color: #555; font-size: 9.5pt; }
            .subtitle { text-align: center; margin: 0 0 5mm 0; }
            .block { white-space: normal; }
            .signatures { width: 100%%; margin-top: 10mm; border: none; page-break-inside: avoid; }
            .signatures td { border: none; width: 50%%; padding: 2mm 4mm 2mm 0; line-height: 2.2; }
            .stamp { border: 0.6pt dashed #666; height: 36mm; width: 60mm; text-align: center;
              color: #777; padding-top: 14mm; }
            """.formatted(PdfRenderer.FONT_FAMILY);

    private Xhtml() {
    }

    /** A whole document: the title, extra CSS and the body's XHTML. */
    public static String document(String title, String css, String body) {
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head>"
                + "<meta charset=\"utf-8\" /><title>" + text(title) + "</title>"
                + "<style>" + BASE_CSS + (css == null ? "" : css) + "</style></head><body>" + body + "</body></html>";
    }

    /**
     * A text as XHTML: markup characters escaped, line breaks kept as {@code <br />}, and characters
     * XML cannot carry (C0 controls other than tab and line feed, lone surrogates) left out. Null is empty.
     */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n' -> out.append("<br />");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < normalised.length()
                            && Character.isLowSurrogate(normalised.charAt(i + 1))) {
                        out.append(c).append(normalised.charAt(++i));
                    } else if (c == '\t' || c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F)
                            && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A text, or a dash when there is none. */
    public static String textOrDash(String value) {
        return value == null || value.isBlank() ? "—" : text(value);
    }

    /** A day as Chinese documents write it: 2026年5月8日. */
    public static String date(LocalDate day) {
        return day == null ? "" : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** The day of an instant in Beijing time, as {@link #date(LocalDate)} writes it. */
    public static String date(Instant instant) {
        return instant == null ? "" : date(LocalDate.ofInstant(instant, cn.kexie.capability.common.PlatformClock.ZONE));
    }

    /** An amount in yuan with thousands separators and two decimals: 50,000.00. */
    public static String yuan(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** A score with up to two decimals, as the panel's sheets hold it: 84.33, 20. */
    public static String points(BigDecimal points) {
        return points == null ? "" : points.stripTrailingZeros().toPlainString();
    }

    private static final String[] DIGITS = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
    private static final String[] SMALL_UNITS = {"", "拾", "佰", "仟"};
    private static final String[] BIG_UNITS = {"", "万", "亿", "万亿"};

    /**
     * An amount in yuan in capital numerals, as agreements write it beside the figures (人民币大写):
     * 50,000.00 is 伍万元整, 12,345.67 is 壹万贰仟叁佰肆拾伍元陆角柒分. Amounts are rounded to the fen;
     * a negative amount or one of a trillion or more is refused.
     */
    public static String yuanInWords(BigDecimal amount) {
        BigDecimal fen = amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2);
        if (fen.signum() < 0 || fen.compareTo(new BigDecimal("100000000000000")) >= 0) {
            throw new IllegalArgumentException("amount out of range: " + amount);
        }
        long all = fen.longValueExact();
        long yuan = all / 100;
        int jiao = (int) (all / 10 % 10);
        int cents = (int) (all % 10);
        StringBuilder out = new StringBuilder();
        if (yuan > 0) {
            out.append(integerInWords(yuan)).append("元");
        }
        if (jiao == 0 && cents == 0) {
            return (yuan == 0 ? "零元" : out.toString()) + "整";
        }
        if (jiao > 0) {
            out.append(DIGITS[jiao]).append("角");
        } else if (yuan > 0) {
            out.append("零");
        }
        if (cents > 0) {
            out.append(DIGITS[cents]).append("分");
        }
        return out.toString();
    }

    private static String integerInWords(long value) {
        StringBuilder out = new StringBuilder();
        int group = 0;
        boolean zeroPending = false;
        while (value > 0) {
            int four = (int) (value % 10_000);
            value /= 10_000;
            if (four > 0) {
                String words = fourDigits(four) + BIG_UNITS[group];
                if (zeroPending) {
                    words += "零";
                }
                out.insert(0, words);
                // a group under a thousand after a higher group is read with a zero before it
                zeroPending = four < 1000;
            } else {
                zeroPending = out.length() > 0;
            }
            group++;
        }
        return out.toString();
    }

    private static String fourDigits(int value) {
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int position = 3; position >= 0; position--) {
            int digit = value / (int) Math.pow(10, position) % 10;
            if (digit == 0) {
                zero = out.length() > 0;
            } else {
                if (zero) {
                    out.append("零");
                    zero = false;
                }
                out.append(DIGITS[digit]).append(SMALL_UNITS[position]);
            }
        }
        return out.toString();
    }
}
