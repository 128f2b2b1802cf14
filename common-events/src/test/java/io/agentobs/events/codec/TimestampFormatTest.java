package io.agentobs.events.codec;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written timestamp reader accepts exactly what the strict {@code java.time} formatter it replaced accepts,
 * with the same instant, and explains rejections the same way: checked on generated near-misses.
 */
class TimestampFormatTest {

    /** The formatter {@link TimestampFormat} used before it read timestamps by hand: the reference. */
    private static final DateTimeFormatter REFERENCE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    /** Choices per part of a timestamp; the first {@code VALID[i]} of part {@code i} are valid on their own. */
    private static final String[][] PARTS = {
            {"2025", "0000", "9999", "+12025", "-2025", "-00001", "+1234567890", "-999999999", "+999999999", "1969",
                    "2024", "2023", "2100", "+00000", "+2025", "-0000", "+0000", "20250", "+12345678901", "",
                    "202", "+1000000000", "-1000000000"},
            {"-"},
            {"01", "02", "12", "04", "09", "11", "00", "13", "1", "99", "ab"},
            {"-"},
            {"01", "28", "29", "30", "31", "15", "32", "00", "1"},
            {"T", "t", " ", "Z", "x"},
            {"00", "23", "12", "24", "25", "59", "60", "9"},
            {":"},
            {"00", "59", "07", "60"},
            {":", ""},
            {"00", "59", "30", "60", "61", ""},
            {"", ".", ".1", ".123", ".123456789", ".000001", ".1234567890", ".12a", ",123", "..1"},
            {"Z", "z", "+00:00", "-00:00", "+18:00", "-18:00", "+17:59", "+05:30", "-03:45", "+18:01", "+19:00",
                    "+23:59", "+24:00", "+59:00", "+60:00", "+02", "+0200", "+02:0", "+02:60", "", " UTC", "ZZ",
                    "+2:00", "Z ", "+02:00:00", "-24:00"}};
    private static final int[] VALID = {14, 1, 6, 1, 6, 2, 3, 1, 3, 1, 3, 6, 9};
    private static final String MUTATIONS = "0123456789-+:.TtZz x\u00e9";

    private static Instant reference(String text) {
        try {
            return OffsetDateTime.parse(text, REFERENCE).toInstant();
        } catch (DateTimeException rejected) {
            return null;
        }
    }

    private static boolean referenceIsLocal(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeException rejected) {
            return false;
        }
    }

    /** {@code count} generated timestamps, mostly well-formed, some mutated; without offsets if not {@code zoned}. */
    private static List<String> nearMisses(int count, boolean zoned) {
        Random random = new Random(20_251_020);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            for (int part = 0; part < (zoned ? PARTS.length : PARTS.length - 1); part++) {
                String[] choices = PARTS[part];
                text.append(choices[random.nextDouble() < 0.8 ? random.nextInt(VALID[part])
                        : random.nextInt(choices.length)]);
            }
            if (random.nextInt(4) == 0 && text.length() > 0) {
                int at = random.nextInt(text.length());
                char replacement = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, replacement);
                    default -> text.setCharAt(at, replacement);
                }
            }
            texts.add(text.toString());
        }
        return texts;
    }

    @Test
    void acceptsExactlyWhatTheStrictJavaTimeFormatterAccepts() {
        List<String> texts = nearMisses(60_000, true);
        int accepted = 0;
        for (String text : texts) {
            Instant expected = reference(text);
            assertThat(TimestampFormat.tryParse(text)).as("parsing [%s]", text).isEqualTo(expected);
            accepted += expected == null ? 0 : 1;
        }
        assertThat(accepted).as("accepted share of the near-misses").isBetween(texts.size() / 20, texts.size() / 2);
    }

    @Test
    void everyCharacterAtTheSeparatorAndOffsetPositionsIsJudgedLikeJavaTime() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            for (String text : List.of("2025-10-20" + (char) c + "18:30:00Z", "2025-10-20T18:30:00" + (char) c,
                    "2025-10-20T18:30:00" + (char) c + "02:00")) {
                assertThat(TimestampFormat.tryParse(text)).as("parsing [%s] (char %d)", text, c)
                        .isEqualTo(reference(text));
            }
        }
    }

    @Test
    void explainsLocalTimesLikeLocalDateTimeParse() {
        List<String> texts = new ArrayList<>(nearMisses(10_000, false));
        texts.addAll(nearMisses(10_000, true));
        int local = 0;
        for (String text : texts) {
            if (reference(text) == null) {
                boolean saysLocal = TimestampFormat.explainRejection(text).startsWith("must carry 'Z'");
                assertThat(saysLocal).as("explaining [%s]", text).isEqualTo(referenceIsLocal(text));
                local += saysLocal ? 1 : 0;
            }
        }
        assertThat(local).as("local times among the near-misses").isGreaterThan(1_000);
    }
}
