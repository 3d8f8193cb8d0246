package org.tavern.lobby.internal.ban;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * wesnothd's ban time syntax: {@code permanent} or {@code 0}; a {@code [ban_time]} name from the
 * configuration; a relative span of {@code <number><unit>} pairs ({@code s m h D M Y} and the long,
 * case-insensitive forms {@code second(s) minute(s) hour(s) day(s) month(s) year(s)}; a unit without a
 * number counts once, a trailing bare number is minutes: {@code 1D2h}, {@code 3Minutes}, {@code 5});
 * or {@code TIME...}, which sets fields of the end time (today, in the server's zone) instead.
 */
public final class BanDuration {

    /** The end time of a permanent ban. */
    static final long PERMANENT = 0;

    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private BanDuration() {
    }

    /** Thrown for a duration wesnothd would not parse; the message is the text to show. */
    public static final class BadDuration extends Exception {
        private static final long serialVersionUID = 1L;

        BadDuration(String spec) {
            super("Failed to parse the ban duration: '" + spec + "'");
        }
    }

    /**
     * The ban's end in epoch milliseconds ({@link #PERMANENT} for none) for a ban starting at
     * {@code nowMillis}; {@code named} holds the configured {@code [ban_time]} names.
     */
    public static long endMillis(String spec, Map<String, String> named, long nowMillis, ZoneId zone) throws BadDuration {
        String trimmed = spec.trim();
        if (trimmed.equalsIgnoreCase("permanent") || trimmed.equals("0")) {
            return PERMANENT;
        }
        String configured = named.get(trimmed);
        if (configured != null) {
            return endMillis(configured, Map.of(), nowMillis, zone);
        }
        if (trimmed.startsWith("TIME")) {
            return absolute(trimmed, trimmed.substring(4), nowMillis, zone);
        }
        return nowMillis + relativeSeconds(trimmed) * 1000;
    }

    private static long relativeSeconds(String spec) throws BadDuration {
        if (spec.isEmpty()) {
            throw new BadDuration(spec);
        }
        long total = 0;
        int i = 0;
        while (i < spec.length()) {
            int digits = i;
            while (digits < spec.length() && Character.isDigit(spec.charAt(digits))) {
                digits++;
            }
            long number = digits > i ? Long.parseLong(spec.substring(i, Math.min(digits, i + 12))) : 1;
            if (digits == spec.length()) {
                return total + number * MINUTE; // a trailing bare number counts minutes
            }
            int unitEnd = digits;
            while (unitEnd < spec.length() && Character.isLetter(spec.charAt(unitEnd))) {
                unitEnd++;
            }
            if (unitEnd == digits) {
                throw new BadDuration(spec);
            }
            total += number * unitSeconds(spec.substring(digits, unitEnd), spec);
            i = unitEnd;
        }
        return total;
    }

    private static long unitSeconds(String unit, String spec) throws BadDuration {
        switch (unit) {
            case "s", "S":
                return 1;
            case "m":
                return MINUTE;
            case "h", "H":
                return HOUR;
            case "d", "D":
                return DAY;
            case "M":
                return 30 * DAY;
            case "y", "Y":
                return 365 * DAY;
            default:
                break;
        }
        String word = unit.toLowerCase(Locale.ROOT);
        return switch (word.endsWith("s") ? word.substring(0, word.length() - 1) : word) {
            case "second" -> 1;
            case "minute" -> MINUTE;
            case "hour" -> HOUR;
            case "day" -> DAY;
            case "month" -> 30 * DAY;
            case "year" -> 365 * DAY;
            default -> throw new BadDuration(spec);
        };
    }

    /** {@code TIME} fields: {@code <number><unit>} sets that field of today's date and time. */
    private static long absolute(String spec, String fields, long nowMillis, ZoneId zone) throws BadDuration {
        LocalDateTime end = LocalDateTime.ofInstant(Instant.ofEpochMilli(nowMillis), zone).withNano(0);
        int i = 0;
        while (i < fields.length()) {
            int digits = i;
            while (digits < fields.length() && Character.isDigit(fields.charAt(digits))) {
                digits++;
            }
            if (digits == i || digits == fields.length()) {
                throw new BadDuration(spec);
            }
            int value = Integer.parseInt(fields.substring(i, Math.min(digits, i + 9)));
            try {
                end = switch (fields.charAt(digits)) {
                    case 'Y', 'y' -> end.withYear(value);
                    case 'M' -> end.withMonth(value);
                    case 'D', 'd' -> end.withDayOfMonth(value);
                    case 'h', 'H' -> end.withHour(value);
                    case 'm' -> end.withMinute(value);
                    case 's', 'S' -> end.withSecond(value);
                    default -> throw new BadDuration(spec);
                };
            } catch (java.time.DateTimeException outOfRange) {
                throw new BadDuration(spec);
            }
            i = digits + 1;
        }
        return end.atZone(zone).toInstant().toEpochMilli();
    }
}
