package org.urgentaction.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the demo's YAML files into records. {@code {today}}, {@code {today+12d}} or {@code {today-3d}}
 * anywhere in a file is replaced first by that date counted from the Clock.
 */
final class DemoFiles {

    private static final Pattern FROM_TODAY = Pattern.compile("\\{today(?:([+-]\\d+)d)?}");

    // A key no record has, or one written twice, is a typo: it must not drop a fact quietly.
    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Clock clock;

    DemoFiles(Clock clock) {
        this.clock = clock;
    }

    <T> T read(Resource file, TypeReference<T> type) {
        try {
            String text = file.getContentAsString(StandardCharsets.UTF_8);
            LocalDate today = LocalDate.now(clock);
            String dated = FROM_TODAY
                    .matcher(text)
                    .replaceAll(m -> today.plusDays(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                            .toString());
            return yaml.readValue(dated, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new IllegalStateException(file.getFilename() + ": " + e.getMessage(), e);
        }
    }

    static Resource resource(String location) {
        return new PathMatchingResourcePatternResolver().getResource(location);
    }

    /** In the order of their names. */
    static List<Resource> resources(String pattern) {
        try {
            return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(pattern))
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
