package cn.kexie.capability.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts of money as the money views show them: grouped, two decimals, e.g. 50,000.50. */
public final class Yuan {

    private Yuan() {
    }

    public static String format(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount == null ? BigDecimal.ZERO : amount.setScale(2, RoundingMode.HALF_UP));
    }
}
