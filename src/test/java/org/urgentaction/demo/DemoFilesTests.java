package org.urgentaction.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import tools.jackson.core.type.TypeReference;

import org.urgentaction.targets.TargetForm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DemoFilesTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private final DemoFiles files = new DemoFiles(CLOCK);

    private static Resource file(String yaml) {
        return new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "test.yaml";
            }
        };
    }

    private DemoFile read(String yaml) {
        return files.read(file(yaml), new TypeReference<DemoFile>() {});
    }

    @Test
    void aMistypedKeyFailsLoudlyInsteadOfDroppingTheFact() {
        assertThatIllegalStateException()
                .isThrownBy(() -> read("appeal:\n  referenceCode: X 1\n  deadlnie: 2026-12-01\n"))
                .withMessageContaining("test.yaml")
                .withMessageContaining("deadlnie");
        assertThatIllegalStateException()
                .isThrownBy(() -> read("appeal:\n  title: A\npeople:\n  - name: B\n    nativName: C\n"))
                .withMessageContaining("nativName");
    }

    @Test
    void aKeyWrittenTwiceFailsLoudly() {
        assertThatIllegalStateException()
                .isThrownBy(() -> read("appeal:\n  title: First\n  title: Second\n"))
                .withMessageContaining("title");
    }

    @Test
    void datesCountFromTheClocksToday() {
        DemoFile demo = read("""
                appeal:
                  issuedOn: "{today-3d}"
                  deadline: "{today+12d}"
                people:
                  - situationDetail: Held since {today-10d}, seen {today}.
                """);

        assertThat(demo.appeal().issuedOn().date()).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(demo.appeal().deadline()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(demo.people().getFirst().situationDetail()).isEqualTo("Held since 2026-11-11, seen 2026-11-21.");
    }

    @Test
    void everyShippedFileReadsAndNamesOnlyOfficialsInTheDirectory() {
        var officials = files.read(
                DemoFiles.resource("classpath:demo/officials.yaml"),
                new TypeReference<LinkedHashMap<String, TargetForm>>() {});
        var appeals = DemoFiles.resources("classpath:demo/appeals/*.yaml");

        assertThat(appeals).hasSize(7);
        for (Resource appeal : appeals) {
            DemoFile demo = files.read(appeal, new TypeReference<DemoFile>() {});
            assertThat(demo.writeTo()).isNotEmpty();
            assertThat(officials.keySet()).containsAll(demo.writeTo());
            assertThat(officials.keySet()).containsAll(demo.copyTo());
        }
    }

    @Test
    void everyShippedEventReadsAndNamesOnlyDemoAppeals() {
        var appeals = DemoFiles.resources("classpath:demo/appeals/*.yaml").stream()
                .map(file -> file.getFilename().replaceFirst("\\.yaml$", ""))
                .toList();
        var events = DemoFiles.resources("classpath:demo/events/*.yaml");

        assertThat(events).hasSize(2);
        for (Resource event : events) {
            DemoEvent demo = files.read(event, new TypeReference<DemoEvent>() {});
            assertThat(demo.appeals()).isNotEmpty();
            assertThat(appeals).containsAll(demo.appeals());
            assertThat(demo.event().startsAt()).isBefore(demo.event().endsAt());
        }
    }
}
