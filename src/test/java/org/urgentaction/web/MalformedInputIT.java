package org.urgentaction.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.urgentaction.AtOnce;
import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;
import org.urgentaction.actions.ReportForms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Over 10,000 generated malformed values, each sent in one field of one public or staff form or URL
 * parameter while the others stay valid: no answer may be a 5xx or show a stack trace.
 */
@IntegrationTest
class MalformedInputIT {

    private static final int VALUES = 10_200;
    private static final int NAMES = 2_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    /** One form or URL: its method, path and valid values; each field in turn gets a bad one. */
    private record Form(HttpMethod method, String path, boolean staff, Map<String, String> valid) {}

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Arbitrary<String> malformed() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u001f')
                        .ofMinLength(1)
                        .ofMaxLength(5),
                Arbitraries.strings()
                        .ofMinLength(5_000)
                        .ofMaxLength(30_000)
                        .withChars('x', '黄', '\u202e', '\uD83D', '\uDE00'),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers()
                        .between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30))
                        .map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of(
                        "",
                        " ",
                        "\t",
                        "null",
                        "undefined",
                        "NaN",
                        "Infinity",
                        "-0",
                        "1e309",
                        "0x1F",
                        "true",
                        "yes",
                        "2024-02-30",
                        "0000-00-00",
                        "99999-12-31",
                        "+10000-01-01",
                        "-1-01-01",
                        "2026-13-01",
                        "2026-1-1",
                        "' OR 1=1 --",
                        "'; drop table appeal; --",
                        "\" onmouseover=alert(1) x=\"",
                        "<script>alert(1)</script>",
                        "../../../etc/passwd",
                        "%00",
                        "%ZZ",
                        "\u0000",
                        "a\u0000b",
                        "\uFFFF",
                        "\uD800",
                        "LETTER ",
                        "letter",
                        "ADMIN",
                        "ROLE_ADMIN",
                        "t",
                        "t-1",
                        "p",
                        "pNaN",
                        "00000000-0000-0000-0000-00000000000",
                        "{salutation}",
                        "{unknown}",
                        "javascript:alert(1)",
                        "data:text/html,x",
                        "//evil.example",
                        "ch",
                        "XX",
                        "zz-ZZ-Latn",
                        "9223372036854775808",
                        "-9223372036854775809",
                        "2147483648",
                        "1,2",
                        "1;2",
                        "[]",
                        "{}",
                        "[0]"));
    }

    @Test
    void noMalformedValueGetsA5xxOrAStackTrace() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Fuzzed", "CN", null);
        fixtures.addUpdateAndResource(appeal.id());
        long template = fixtures.templateIdOf(appeal.id());
        List<Form> forms = forms(appeal, template);
        List<String> paths = List.of(
                "/appeals/%s",
                "/appeals/%s/write",
                "/appeals/%s/report/thanks",
                "/files/%s/x.pdf",
                "/admin/appeals/%s",
                "/admin/appeals/%s/preview",
                "/admin/targets/%s/edit",
                "/admin/templates/%s/edit",
                "/admin/accounts/%s/edit",
                "/admin/appeals/%s/tally",
                "/admin/dashboard/appeals/%s",
                "/admin/appeals/%s/reports");

        // Seeded, so every run sends the same values and a failure can be replayed. Sampling outside a
        // jqwik property draws from this thread's source of randomness, which the engine lets us seed.
        net.jqwik.engine.SourceOfRandomness.create("20261121");
        List<String> values = malformed().sampleStream().limit(VALUES).toList();
        Random random = new Random(42);
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (i % 10 == 9) {
                String path = paths.get(random.nextInt(paths.size()));
                String segment = org.springframework.web.util.UriUtils.encodePathSegment(
                        value.isEmpty() ? "x" : value, java.nio.charset.StandardCharsets.UTF_8);
                MockHttpServletRequestBuilder request = request(
                                HttpMethod.GET, java.net.URI.create(String.format(path, segment)))
                        .with(user("root@example.org").roles("ADMIN"));
                probes.add(new Probe(request, "path " + path, value));
            } else {
                Form form = forms.get(random.nextInt(forms.size()));
                List<String> names = new ArrayList<>(form.valid().keySet());
                String field = names.get(random.nextInt(names.size()));
                MockHttpServletRequestBuilder request =
                        request(form.method(), form.path()).with(csrf());
                if (form.staff()) {
                    request.with(user("root@example.org").roles("ADMIN"));
                }
                form.valid().forEach((name, valid) -> request.param(name, name.equals(field) ? value : valid));
                probes.add(new Probe(request, form.method() + " " + form.path() + " " + field, value));
            }
        }
        List<String> failures = sendAll(probes);
        // The whole list, for whoever has to fix them: target/malformed-input-failures.txt
        // (getBytes replaces a lone surrogate with '?', where Files.write(lines) would throw on it)
        java.nio.file.Files.write(
                java.nio.file.Path.of("target", "malformed-input-failures.txt"),
                String.join("\n", failures).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(values).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(failures).as("requests answered with a 5xx or a stack trace").isEmpty();
    }

    @Test
    void farIndexesAndPropertiesAFormLacksAre400Pages() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Indexed names", "CN", null);
        long template = fixtures.templateIdOf(appeal.id());
        String target = String.valueOf(appeal.primaryTargetId());
        for (String name :
                List.of("letters[100000].to", "letters[0].to.x", "letters[0].x", "letters[x].to", "template[0]")) {
            MockHttpServletResponse response = mvc.perform(
                            request(HttpMethod.POST, "/appeals/" + appeal.slug() + "/write/print")
                                    .with(csrf())
                                    .param("template", String.valueOf(template))
                                    .param("letters[0].to", "t" + target)
                                    .param("letters[0].body", "Dear Director")
                                    .param(name, "1"))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(name).isEqualTo(400);
        }
        for (String name : List.of("targetIds[99999]", "targetIds[0].x", "targetIds[0]", "kind.x")) {
            MockHttpServletResponse response = mvc.perform(
                            request(HttpMethod.POST, "/appeals/" + appeal.slug() + "/report")
                                    .with(csrf())
                                    .param("submissionToken", ReportForms.token(mvc, appeal.slug()))
                                    .param("kind", "LETTER")
                                    .param("quantity", "1")
                                    .param("targetIds", target)
                                    .param(name, "1"))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(name).isEqualTo(400);
        }
        // The indexed names the print form does take still bind.
        mvc.perform(request(HttpMethod.POST, "/appeals/" + appeal.slug() + "/write/print")
                        .with(csrf())
                        .param("template", String.valueOf(template))
                        .param("letters[0].to", "t" + target)
                        .param("letters[0].body", "Dear Director"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk());
    }

    /** Parameter names a binder must not follow: far indexes, indexes and properties on what has none, broken brackets. */
    private static Arbitrary<String> indexedOrNested(List<String> fieldNames) {
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.of(fieldNames),
                Arbitraries.of("targetIds", "letters", "to", "targets", "themes", "demands", "class", "version"));
        Arbitrary<String> index = Arbitraries.oneOf(
                Arbitraries.of(
                        "0",
                        "1",
                        "255",
                        "256",
                        "257",
                        "99999",
                        "100000",
                        "2147483647",
                        "2147483648",
                        "99999999999999999999",
                        "-1",
                        "x",
                        "",
                        " ",
                        "0x10",
                        "1e3",
                        "'a'",
                        "\"a\"",
                        "0][0"),
                Arbitraries.integers().between(0, 1_000_000).map(String::valueOf));
        Arbitrary<String> property =
                Arbitraries.of("x", "to", "body", "class", "empty", "bytes", "id", "size", "0", "");
        Arbitrary<String> suffix = Arbitraries.oneOf(
                index.map(i -> "[" + i + "]"),
                Arbitraries.lazy(() ->
                        Arbitraries.strings().withChars("[].x0").ofMinLength(1).ofMaxLength(8)),
                net.jqwik.api.Combinators.combine(index, property).as((i, p) -> "[" + i + "]." + p),
                net.jqwik.api.Combinators.combine(index, index).as((i, j) -> "[" + i + "][" + j + "]"),
                net.jqwik.api.Combinators.combine(index, property, index)
                        .as((i, p, j) -> "[" + i + "]." + p + "[" + j + "]"),
                property.map(p -> "." + p),
                property.map(p -> "." + p + ".x"));
        return net.jqwik.api.Combinators.combine(field, suffix).as(String::concat);
    }

    @Test
    void noIndexedOrNestedParameterNameGetsA5xxOrAStackTrace() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Fuzzed names", "CN", null);
        long template = fixtures.templateIdOf(appeal.id());
        List<Form> forms = forms(appeal, template);
        List<String> fieldNames = forms.stream()
                .flatMap(f -> f.valid().keySet().stream())
                .distinct()
                .toList();
        net.jqwik.engine.SourceOfRandomness.create("20261202");
        List<String> names = new ArrayList<>(List.of(
                "targetIds[99999]",
                "targetIds[0].x",
                "letters[100000].to",
                "letters[0].to.x",
                "letters[0].x",
                "letters[256].body",
                "to[99999]",
                "to[0].x",
                "class.module.classLoader"));
        names.addAll(indexedOrNested(fieldNames).sampleStream().limit(NAMES).toList());
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            // Each listed name on every form; the generated ones on one form each, in turn.
            List<Form> on = i < 9 ? forms : List.of(forms.get(i % forms.size()));
            for (Form form : on) {
                MockHttpServletRequestBuilder request =
                        request(form.method(), form.path()).with(csrf());
                if (form.staff()) {
                    request.with(user("root@example.org").roles("ADMIN"));
                }
                form.valid().forEach((field, valid) -> request.param(field, valid));
                request.param(name, "1");
                probes.add(new Probe(request, form.method() + " " + form.path() + " " + name, name));
            }
        }
        List<String> failures = sendAll(probes);
        java.nio.file.Files.write(
                java.nio.file.Path.of("target", "malformed-name-failures.txt"),
                String.join("\n", failures).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(failures).as("requests answered with a 5xx or a stack trace").isEmpty();
    }

    /** Every public and staff form, and the URL parameters of the pages that take them, with valid values. */
    private List<Form> forms(TestFixtures.Created appeal, long template) throws Exception {
        String a = "/admin/appeals/" + appeal.id();
        return List.of(
                new Form(
                        HttpMethod.GET,
                        "/appeals",
                        false,
                        fields("q", "lawyer", "country", "CN", "theme", "Torture", "page", "1")),
                new Form(
                        HttpMethod.GET,
                        "/appeals/" + appeal.slug() + "/write",
                        false,
                        fields("template", String.valueOf(template))),
                new Form(
                        HttpMethod.POST,
                        "/appeals/" + appeal.slug() + "/write",
                        false,
                        fields(
                                "template",
                                String.valueOf(template),
                                "to",
                                "t" + appeal.primaryTargetId(),
                                "name",
                                "Ann",
                                "town",
                                "Leeds")),
                new Form(
                        HttpMethod.POST,
                        "/appeals/" + appeal.slug() + "/write/print",
                        false,
                        fields(
                                "template",
                                String.valueOf(template),
                                "name",
                                "Ann",
                                "town",
                                "Leeds",
                                "paper",
                                "A4",
                                "letters[0].to",
                                "t" + appeal.primaryTargetId(),
                                "letters[0].body",
                                "Dear Director")),
                new Form(
                        HttpMethod.GET,
                        "/appeals/" + appeal.slug() + "/report",
                        false,
                        fields("kind", "EMAIL", "targets", String.valueOf(appeal.primaryTargetId()))),
                new Form(
                        HttpMethod.POST,
                        "/appeals/" + appeal.slug() + "/report",
                        false,
                        fields(
                                "submissionToken",
                                ReportForms.token(mvc, appeal.slug()),
                                "eventCode",
                                "ABCD-EFGH",
                                "kind",
                                "LETTER",
                                "quantity",
                                "2",
                                "targetIds",
                                String.valueOf(appeal.primaryTargetId()),
                                "country",
                                "GB",
                                "consent",
                                "true",
                                "name",
                                "Ann",
                                "email",
                                "ann@example.org")),
                new Form(HttpMethod.GET, "/login", false, fields("locked", "60", "slow", "5")),
                new Form(
                        HttpMethod.GET,
                        "/admin/appeals",
                        true,
                        fields("q", "UA", "status", "DRAFT", "country", "CN", "sort", "UPDATED", "page", "1")),
                new Form(HttpMethod.GET, a, true, fields("targetQuery", "Official")),
                new Form(HttpMethod.POST, "/admin/appeals", true, appealFields()),
                new Form(
                        HttpMethod.POST,
                        a + "/people",
                        true,
                        fields(
                                "version",
                                "0",
                                "name",
                                "Ann",
                                "nativeName",
                                "安",
                                "situation",
                                "DETAINED",
                                "city",
                                "Leeds",
                                "addressCountry",
                                "GB",
                                "birthDate",
                                "1980-01-01",
                                "healthConcerns",
                                "none")),
                new Form(
                        HttpMethod.POST,
                        a + "/close",
                        true,
                        fields("version", "0", "outcome", "RELEASED", "note", "ok")),
                new Form(
                        HttpMethod.POST,
                        a + "/targets",
                        true,
                        fields("version", "0", "targetId", String.valueOf(appeal.copyTargetId()), "role", "COPY")),
                new Form(
                        HttpMethod.POST,
                        a + "/targets/" + appeal.primaryTargetId() + "/move",
                        true,
                        fields("version", "0", "direction", "1")),
                new Form(
                        HttpMethod.POST,
                        a + "/updates",
                        true,
                        fields("version", "0", "happenedOn", "2024-06-14", "headline", "Sentenced", "body", "x")),
                new Form(
                        HttpMethod.POST,
                        a + "/resources",
                        true,
                        fields("version", "0", "label", "Page", "url", "https://example.org")),
                new Form(
                        HttpMethod.POST,
                        "/admin/targets",
                        true,
                        fields(
                                "name",
                                "Official",
                                "title",
                                "Director",
                                "country",
                                "CN",
                                "printedAddress",
                                "Director\n2 Fuyoujie\nBeijingshi 100017",
                                "email",
                                "a@example.org",
                                "fax",
                                "+86 1",
                                "preferredLanguage",
                                "zh",
                                "accreditedCountry",
                                "US")),
                new Form(
                        HttpMethod.POST,
                        a + "/templates",
                        true,
                        fields(
                                "language",
                                "de",
                                "kind",
                                "APPEAL",
                                "heading",
                                "H",
                                "subject",
                                "S",
                                "body",
                                "{salutation}",
                                "action",
                                "preview")),
                new Form(
                        HttpMethod.POST,
                        "/admin/templates/" + template,
                        true,
                        fields(
                                "version",
                                "0",
                                "language",
                                "en",
                                "kind",
                                "APPEAL",
                                "heading",
                                "H",
                                "subject",
                                "S",
                                "body",
                                "{salutation}",
                                "action",
                                "preview")),
                new Form(
                        HttpMethod.POST,
                        "/admin/accounts",
                        true,
                        fields("email", "x@example.org", "displayName", "X", "role", "EDITOR", "enabled", "true")),
                new Form(HttpMethod.POST, a + "/reports/threshold", true, fields("reviewThreshold", "40")),
                new Form(
                        HttpMethod.POST,
                        a + "/reports/" + Long.MAX_VALUE + "/void",
                        true,
                        fields("reason", "Scripted")),
                new Form(HttpMethod.GET, "/admin/dashboard", true, fields("from", "2026-01-01", "to", "2026-02-01")),
                new Form(
                        HttpMethod.GET,
                        "/admin/dashboard/appeals/" + appeal.id(),
                        true,
                        fields("from", "2026-01-01", "to", "2026-02-01")),
                new Form(
                        HttpMethod.GET,
                        "/admin/exports/reports.csv",
                        true,
                        fields(
                                "from",
                                "2026-01-01",
                                "to",
                                "2026-02-01",
                                "appeal",
                                String.valueOf(appeal.id()),
                                "excel",
                                "true",
                                "personal",
                                "false")));
    }

    /** MockMvc rethrows what would be a 500 page in a server; that is a failure too. */
    /** One request and, for the failure list, where its bad value went and what it was. */
    private record Probe(MockHttpServletRequestBuilder request, String where, String value) {}

    /**
     * Sends every probe, two at a time (this machine's two cores; concurrent edits of one appeal must
     * not fail either), and returns the ones answered with a 5xx or a stack trace, in the probes' order.
     */
    private List<String> sendAll(List<Probe> probes) throws Exception {
        List<java.util.concurrent.Callable<String>> sends = probes.stream()
                .<java.util.concurrent.Callable<String>>map(probe -> () -> failureOf(probe))
                .toList();
        return AtOnce.run(2, sends).stream().filter(java.util.Objects::nonNull).toList();
    }

    private String failureOf(Probe probe) {
        try {
            MockHttpServletResponse response =
                    mvc.perform(probe.request()).andReturn().getResponse();
            String body = response.getContentAsString();
            if (response.getStatus() >= 500 || body.contains("Exception") || body.contains("\tat org.")) {
                return response.getStatus() + " at " + probe.where() + " with " + abbreviate(probe.value());
            }
            return null;
        } catch (Exception unhandled) {
            Throwable root = unhandled;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return "exception at " + probe.where() + " with " + abbreviate(probe.value()) + ": "
                    + root.getClass().getSimpleName() + " "
                    + String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        }
    }

    private static Map<String, String> appealFields() {
        return fields(
                "referenceCode",
                "UA F",
                "title",
                "Fuzz",
                "country",
                "CN",
                "summary",
                "S",
                "themes",
                "a, b",
                "deadline",
                "2099-01-01",
                "issuedOn",
                "2026-01-01",
                "followUpNumber",
                "3",
                "demands",
                "one\ntwo",
                "background",
                "**b**");
    }

    private static String abbreviate(String value) {
        String printable = value.chars()
                .limit(60)
                .mapToObj(c -> c < 32 ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .reduce("", String::concat);
        return "\"" + printable + (value.length() > 60 ? "…(" + value.length() + ")" : "") + "\"";
    }
}
