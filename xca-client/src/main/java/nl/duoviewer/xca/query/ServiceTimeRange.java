package nl.duoviewer.xca.query;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A half-open range of service start days [from, to) used to narrow a query that had too many results.
 */
public record ServiceTimeRange(LocalDate from, LocalDate to) {

    /** Earliest day any narrowed query asks for: older studies are not expected in digital archives. */
    public static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    public ServiceTimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("empty range " + from + ".." + to);
        }
    }

    /** Everything from {@link #EARLIEST} up to and including {@code today}. */
    public static ServiceTimeRange allUntil(LocalDate today) {
        return new ServiceTimeRange(EARLIEST, today.plusDays(1));
    }

    /** True when the range is one day and cannot be split further. */
    public boolean singleDay() {
        return ChronoUnit.DAYS.between(from, to) <= 1;
    }

    /** The older and the newer half. */
    public ServiceTimeRange[] split() {
        long days = ChronoUnit.DAYS.between(from, to);
        LocalDate mid = from.plusDays(days / 2);
        return new ServiceTimeRange[] {new ServiceTimeRange(from, mid), new ServiceTimeRange(mid, to)};
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
