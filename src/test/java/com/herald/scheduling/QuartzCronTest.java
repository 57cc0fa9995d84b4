package com.herald.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples of the Quartz CronTrigger tutorial (with future years) and the special characters, evaluated in
 * UTC after Monday 2026-11-23 18:00. Expected times are written by hand from the Quartz rules.
 */
class QuartzCronTest {

    static List<String> fires(String expression, String afterLocal, int count) {
        Instant after = LocalDateTime.parse(afterLocal).toInstant(ZoneOffset.UTC);
        return FireTimes.next(new Cadence.Cron(expression), ZoneId.of("UTC"), after, null, null, count).stream()
                .map(f -> f.localTime().toLocalDateTime().toString())
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # expression             | after            | next fire times
            0 0 12 * * ?              | 2026-11-23T18:00 | 2026-11-24T12:00 2026-11-25T12:00 2026-11-26T12:00
            0 15 10 ? * *             | 2026-11-23T18:00 | 2026-11-24T10:15 2026-11-25T10:15 2026-11-26T10:15
            0 15 10 * * ?             | 2026-11-23T18:00 | 2026-11-24T10:15 2026-11-25T10:15 2026-11-26T10:15
            0 15 10 * * ? *           | 2026-11-23T18:00 | 2026-11-24T10:15 2026-11-25T10:15 2026-11-26T10:15
            0 15 10 * * ? 2027        | 2026-11-23T18:00 | 2027-01-01T10:15 2027-01-02T10:15 2027-01-03T10:15
            0 * 14 * * ?              | 2026-11-23T18:00 | 2026-11-24T14:00 2026-11-24T14:01 2026-11-24T14:02
            0 0/5 14 * * ?            | 2026-11-24T14:52 | 2026-11-24T14:55 2026-11-25T14:00 2026-11-25T14:05
            0 0/5 14,18 * * ?         | 2026-11-23T18:50 | 2026-11-23T18:55 2026-11-24T14:00 2026-11-24T14:05
            0 0-5 14 * * ?            | 2026-11-24T14:03 | 2026-11-24T14:04 2026-11-24T14:05 2026-11-25T14:00
            0 10,44 14 ? 3 WED        | 2026-11-23T18:00 | 2027-03-03T14:10 2027-03-03T14:44 2027-03-10T14:10
            0 15 10 ? * MON-FRI       | 2026-11-27T11:00 | 2026-11-30T10:15 2026-12-01T10:15 2026-12-02T10:15
            0 15 10 15 * ?            | 2026-11-23T18:00 | 2026-12-15T10:15 2027-01-15T10:15 2027-02-15T10:15
            0 15 10 L * ?             | 2026-11-23T18:00 | 2026-11-30T10:15 2026-12-31T10:15 2027-01-31T10:15 2027-02-28T10:15
            0 15 10 L-2 * ?           | 2026-11-23T18:00 | 2026-11-28T10:15 2026-12-29T10:15 2027-01-29T10:15 2027-02-26T10:15
            0 15 10 ? * 6L            | 2026-11-23T18:00 | 2026-11-27T10:15 2026-12-25T10:15 2027-01-29T10:15 2027-02-26T10:15
            0 15 10 ? * 6L 2027-2028  | 2026-11-23T18:00 | 2027-01-29T10:15 2027-02-26T10:15 2027-03-26T10:15
            0 15 10 ? * 6#3           | 2026-11-23T18:00 | 2026-12-18T10:15 2027-01-15T10:15 2027-02-19T10:15
            0 0 12 1/5 * ?            | 2026-11-23T18:00 | 2026-11-26T12:00 2026-12-01T12:00 2026-12-06T12:00
            0 11 11 11 11 ?           | 2026-11-23T18:00 | 2027-11-11T11:11 2028-11-11T11:11 2029-11-11T11:11
            0 0 12 1 1 ? 2027-2028    | 2026-11-23T18:00 | 2027-01-01T12:00 2028-01-01T12:00
            0 0 12 LW * ?             | 2026-11-23T18:00 | 2026-11-30T12:00 2026-12-31T12:00 2027-01-29T12:00 2027-02-26T12:00
            0 0 12 15W * ?            | 2026-11-01T00:00 | 2026-11-16T12:00 2026-12-15T12:00 2027-01-15T12:00
            0 0 12 1W * ?             | 2026-07-15T00:00 | 2026-08-03T12:00 2026-09-01T12:00 2026-10-01T12:00
            0 0 12 ? * 2L             | 2026-11-23T18:00 | 2026-11-30T12:00 2026-12-28T12:00 2027-01-25T12:00
            0 0 12 ? * 1#5            | 2026-11-23T18:00 | 2026-11-29T12:00 2027-01-31T12:00 2027-05-30T12:00
            0 0 12 ? jan,Feb mon      | 2026-11-23T18:00 | 2027-01-04T12:00 2027-01-11T12:00 2027-01-18T12:00
            0 0 12 29 2 ?             | 2026-11-23T18:00 | 2028-02-29T12:00 2032-02-29T12:00
            */20 * * * * ?            | 2026-11-23T18:00 | 2026-11-23T18:00:20 2026-11-23T18:00:40 2026-11-23T18:01
            """)
    void nextFireTimes(String expression, String after, String expected) {
        List<String> times = List.of(expected.trim().split("\\s+"));
        assertThat(fires(expression.trim(), after.trim(), times.size())).containsExactlyElementsOf(times);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0 0 12 1 1 ? 2027-2028 | 2026-11-23T18:00 | 2
            0 0 12 1 1 ? 2025      | 2026-11-23T18:00 | 0
            """)
    void expressionsWithAYearFieldEnd(String expression, String after, int count) {
        assertThat(fires(expression.trim(), after.trim(), 10)).hasSize(count);
    }
}
