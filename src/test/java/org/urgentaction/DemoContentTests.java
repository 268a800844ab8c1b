package org.urgentaction;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.urgentaction.appeals.AppealCatalog;
import org.urgentaction.appeals.AppealDetails;
import org.urgentaction.appeals.AppealSearch;
import org.urgentaction.appeals.DeadlineState;
import org.urgentaction.appeals.TargetRole;
import org.urgentaction.letters.LetterKind;
import org.urgentaction.letters.LetterTemplate;
import org.urgentaction.letters.TemplateEditing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo set carries the seed appeals faithfully. */
@IntegrationTest
class DemoContentTests {

    private static final org.springframework.test.web.servlet.request.RequestPostProcessor ORGANISER =
            user("org@example.org").roles("ORGANISER");

    @Autowired
    AppealCatalog catalog;

    @Autowired
    TemplateEditing templates;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private AppealDetails find(String slug) {
        return catalog.findPublic(slug).orElseThrow();
    }

    @Test
    void secondUa4422HasBothPeopleBothTargetsTheEmbassyCopyAndThePassedDeadline() {
        AppealDetails ua = find("second-ua-44-22-two-activists-faced-unjust-conviction");

        assertThat(ua.reference()).isEqualTo("Second UA 44.22");
        assertThat(ua.people())
                .extracting(AppealDetails.Person::name, AppealDetails.Person::nativeName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Sophia Huang Xueqin", "黄雪琴"),
                        org.assertj.core.groups.Tuple.tuple("Wang Jianbing", "王建兵"));
        assertThat(ua.primaryTargets())
                .extracting(AppealDetails.TargetContact::addressBlock)
                .containsExactly(
                        List.of(
                                "Zhang Rui",
                                "Director of Guangzhou Public Security Bureau",
                                "Guangzhou Public Security Bureau",
                                "No. 200, Qiyi Road",
                                "Guangzhou, Guangdong Sheng, 510030",
                                "People's Republic of China"),
                        List.of(
                                "Zhang Jian",
                                "Chief Procurator",
                                "Guangzhou City People's Procuratorate",
                                "No. 66, Huangpu Dadao Xi",
                                "Guangzhou, Guangdong Sheng, 510600",
                                "People's Republic of China"));
        AppealDetails.TargetContact embassy = ua.copyTargets().getFirst();
        assertThat(embassy.addressBlock())
                .contains("Chinese Embassy in the United States", "3505 International Place, NW");
        assertThat(embassy.email())
                .as("the seed obscures it, so it stays empty")
                .isNull();
        assertThat(embassy.accreditedCountry()).isEqualTo("US");
        assertThat(ua.deadline()).hasToString("2025-03-18");
        assertThat(ua.deadlineState().kind()).isEqualTo(DeadlineState.Kind.PASSED);
        LetterTemplate letter = templates.ofAppeal(ua.id()).getFirst();
        assertThat(letter.getBody()).startsWith("{salutation}\n").contains("煽动颠覆国家政权", "{supporter_name}");
    }

    @Test
    void asa17040HasTheLetterToThePresidentAndTheBirthdayMessageToLiuPingInPrison() {
        AppealDetails asa = find("asa-17-040-2014-justice-for-liu-ping");

        assertThat(asa.reference()).isEqualTo("ASA 17/040/2014");
        AppealDetails.Person liuPing = asa.people().getFirst();
        assertThat(liuPing.detentionPlace()).isEqualTo("Jiangxi Nanchang Women's Prison");
        assertThat(liuPing.detentionAddress())
                .containsExactly(
                        "630 Changzheng Road",
                        "Zhang Leng County",
                        "Nanchang City, Jiangxi Province, 330100",
                        "People's Republic of China");
        assertThat(liuPing.birthDate().getMonthValue()).isEqualTo(12);
        assertThat(liuPing.birthDate().getDayOfMonth()).isEqualTo(2);
        assertThat(asa.primaryTargets().getFirst().fax()).isEqualTo("+86 10 6238 1025");
        assertThat(templates.ofAppeal(asa.id()))
                .extracting(LetterTemplate::getKind)
                .containsExactly(LetterKind.APPEAL, LetterKind.SOLIDARITY);
    }

    @Test
    void observatoryInterventionHasFourNumberedDemandsAndFiveAddresseesWithTheirFaxes() {
        AppealDetails obs = find("chn-002-0505-obs-028-china-closure-of-the-beijing-chinese-citizens-rights-inform");

        assertThat(obs.reference()).isEqualTo("CHN 002 / 0505 / OBS 028");
        assertThat(obs.issuedPlace()).isEqualTo("Geneva-Paris");
        assertThat(obs.demands()).hasSize(4);
        assertThat(obs.demands().get(2)).contains("Declaration on Human Rights Defenders", "article 5(b)");
        assertThat(obs.targets()).hasSize(5).allMatch(t -> t.role() == TargetRole.PRIMARY);
        assertThat(obs.targets())
                .extracting(AppealDetails.TargetContact::fax)
                .containsExactly(
                        "+01 202 588-0032",
                        "+41 22 7937014",
                        "+86 10 6529 2345",
                        "+86 10 6588 2594",
                        "+41 22 793 70 14");
        assertThat(obs.targets()).extracting(AppealDetails.TargetContact::email).containsOnlyNulls();
    }

    @Test
    void seed000PrintsThePresidentsAddressAsTheDocumentDoesOnThePageTheLetterAndTheTally() throws Exception {
        AppealDetails asa = find("asa-17-040-2014-justice-for-liu-ping");
        AppealDetails.TargetContact xi = asa.primaryTargets().getFirst();
        // The seed's "Write to:" line, one printed line between each comma.
        String seed = "President Xi Jinping, The State Council General Office, 2 Fuyoujie, Xichengqu,"
                + " Beijingshi 100017, People's Republic of China";

        assertThat(String.join(", ", xi.addressBlock())).isEqualTo(seed);
        assertThat(xi.country()).as("still kept for search and routing").isEqualTo("CN");
        String page = mvc.perform(get("/appeals/{slug}", asa.slug()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Beijingshi 100017").doesNotContain("Beijingshi, 100017");
        LetterTemplate letter = templates.ofAppeal(asa.id()).getFirst();
        String print = mvc.perform(post("/appeals/{slug}/write/print", asa.slug())
                        .with(csrf())
                        .param("template", String.valueOf(letter.getId()))
                        .param("letters[0].to", "t" + xi.id())
                        .param("letters[0].body", "Your Excellency,"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(print).contains("<span>Beijingshi 100017</span>").doesNotContain("Beijingshi, 100017");
        String tally = mvc.perform(get("/admin/appeals/{id}/tally", asa.id()).with(ORGANISER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(tally)
                .contains("<span>2 Fuyoujie</span><br><span>Xichengqu</span><br><span>Beijingshi 100017</span>")
                .doesNotContain("Beijingshi, 100017");
    }

    @Test
    void seed004PrintsEachAddresseeAsTheDocumentDoesNothingDroppedNameLineBeforeTheMinistry() throws Exception {
        AppealDetails obs = find("chn-002-0505-obs-028-china-closure-of-the-beijing-chinese-citizens-rights-inform");

        assertThat(obs.targets())
                .extracting(t -> String.join(", ", t.addressBlock()))
                .containsExactly(
                        "President Hu Jintao, People's Republic of China, c/o Embassy of the People's Republic of"
                                + " China, 2300 Connecticut Ave., NW, Washington, D.C., 20008, USA",
                        "President Hu Jintao, People's Republic of China, c/o Permanent Mission of the People's"
                                + " Republic of China, Chemin de Surville 11, Case postale 85, 1213 Petit-Lancy 2,"
                                + " Genève, Suisse",
                        "Minister of Justice of the People's Republic of China, Zhang Fusen Buzhang, Sifabu,"
                                + " 10 Chaoyangmen Nandajie, Chaoyangqu, Beijingshi 100020, People's Republic of China",
                        "Minister of Foreign Affairs of the People's Republic of China, Li Zhaoxing Buzhang"
                                + " Waijiaobu, 2 Chaoyangmen Nandajie, Beijingshi 100701, People's Republic of China",
                        "Ambassadeur, Sha Zukang, Mission permanente de la Rép. Pop. De Chine, Ch. De Surville,"
                                + " CP 85, 1213 Petit-Lancy 2, Suisse");
        assertThat(obs.targets())
                .extracting(AppealDetails.TargetContact::country)
                .containsExactly("US", "CH", "CN", "CN", "CH");
        String tally = mvc.perform(get("/admin/appeals/{id}/tally", obs.id()).with(ORGANISER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(tally)
                .contains("<span>1213 Petit-Lancy 2</span><br><span>Genève</span><br><span>Suisse</span>")
                .contains("<span>Zhang Fusen Buzhang</span><br><span>Sifabu</span>");
        assertThat(mvc.perform(get("/appeals/{slug}", obs.slug()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("<span>Genève</span>", "<span>Zhang Fusen Buzhang</span><br><span>Sifabu</span>");
    }

    @Test
    void seed000IsIssuedInDecember2014AsItsDocumentSaysNotOnTheFirst() throws Exception {
        AppealDetails asa = find("asa-17-040-2014-justice-for-liu-ping");

        assertThat(asa.issuedOn()).hasToString("2014-12");
        mvc.perform(get("/appeals/{slug}", asa.slug()))
                .andExpect(content()
                        .string(allOf(
                                containsString("<time datetime=\"2014-12\">December 2014</time>"),
                                not(containsString("December 1, 2014")))));
        mvc.perform(get("/appeals/{slug}", asa.slug()).header("Accept-Language", "fr"))
                .andExpect(content().string(containsString(">décembre 2014</time>")));
    }

    @Test
    void seed001ShowsItsDeadlineDateOnceItHasPassed() throws Exception {
        AppealDetails ua = find("second-ua-44-22-two-activists-faced-unjust-conviction");

        mvc.perform(get("/appeals/{slug}", ua.slug()))
                .andExpect(content().string(containsString("Deadline passed: March 18, 2025")));
        mvc.perform(get("/appeals").param("q", "Huang Xueqin"))
                .andExpect(content().string(containsString("Deadline passed: March 18, 2025")));
    }

    @Test
    void seed002CarriesEveryDatedItemOfItsTimelineWithThePeopleAndQuotesItNames() throws Exception {
        AppealDetails ua = find("ua-216-16-end-the-harassment-of-liu-xia");

        assertThat(ua.updates())
                .extracting(u -> u.happenedOn().toString())
                .containsExactly(
                        "2017-08-11",
                        "2017-08-10",
                        "2017-07-14",
                        "2017-07-13",
                        "2017-07-13",
                        "2017-07-13",
                        "2017-07-13",
                        "2017-07-07",
                        "2017-07-07",
                        "2017-07-05",
                        "2017-06-28",
                        "2017-06-14",
                        "2017-06-04",
                        "2017-05-31",
                        "2017-05-10");
        String timeline = ua.updates().stream()
                .map(u -> u.headline() + "\n" + u.body())
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(timeline)
                .contains(
                        "“Liu Xia is being cruelly punished for never giving up on her wrongfully imprisoned late"
                                + " husband,” said Lisa Tassi",
                        "Amnesty Canada's Secretary General Alex Neve joins Chen Huixia’s Canadian daughter,Hongyan"
                                + " Lu, at a protest at the Chinese Embassy on July 19th.",
                        "Xu Zhiyong is due to be released from prison on Saturday, 15 July",
                        "Nobel Prize Winner leaves a lasting legacy for China",
                        "“Today we grieve the loss of a giant of human rights.",
                        "he was sentenced to four and a half years in jail",
                        "Nearly 250 human rights lawyers and activists have been targeted during the nationwide sweep"
                                + " which began on 9 July 2015.",
                        "was placed on medical parole last Monday and transferred to a hospital in Shenyang",
                        "“It adds insult to injury that Liu Xiaobo",
                        "Jiang Tianyong, human rights lawyer detained under “residential surveillance in a designated"
                                + " location”",
                        "Orwellian “double think”",
                        "Hua Haifeng, Li Zhao and Su Heng must be released",
                        "Xie Yang was tried in Changsha City Intermediate People’s Court");

        AppealDetails.Resource pdf = ua.resources().getFirst();
        assertThat(pdf.label()).contains("216b China.pdf", "placeholder", "not included");
        assertThat(pdf.url()).endsWith("/216b%20China.pdf");
        byte[] document = mvc.perform(get(java.net.URI.create(pdf.url())))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var loaded = org.apache.pdfbox.Loader.loadPDF(document)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper()
                            .getText(loaded)
                            .replaceAll("\\s+", " "))
                    .contains("placeholder", "216b China.pdf", "UA 216/16", "not included");
        }
        mvc.perform(get("/appeals/{slug}", ua.slug())).andExpect(content().string(containsString("216b China.pdf")));
    }

    @Test
    void seed004sBackgroundCarriesEveryDatedFactOfTheDocument() {
        AppealDetails obs = find("chn-002-0505-obs-028-china-closure-of-the-beijing-chinese-citizens-rights-inform");

        assertThat(obs.backgroundHtml())
                .contains(
                        "3:00 p.m., on April 18, 2005, at the Friendship Hotel",
                        "On March 21, 2005, Mr. Liu Jingsheng, Mr. Li Weiping and others went to the Bureau of"
                                + " Commerce in Beijing’s Haidian District",
                        "On March 23, 2005, Mr. Li Weiping followed the relevant regulations",
                        "confirmed the office’s address on March 30",
                        "On March 31, 2005, they were notified to complete the necessary paperwork",
                        "on April 1, 2005, they obtained an administrative permit",
                        "On April 4 and 5, 2005, staff began preparing the new office space",
                        "on April 8, Mr. Liu and Mr. Li picked up their commercial permit",
                        "released from prison on November 27, 2004",
                        "On April 14, 2005, the Friendship Hotel rescinded its agreement",
                        "the Beijing Municipal Foreign Affairs Office refused to answer any more inquiries",
                        "Tiananmen Square in June 1989",
                        "Mr. Hu Shigen, Mr. Kang Yuchun",
                        "a key participant in the 1989 democracy movement",
                        "five volunteers",
                        "a European foundation and a major American foundation");
    }

    @Test
    void thereAreOpenAppealsToActOnAndTheTimelineCaseShowsItsUpdates() throws Exception {
        long open = catalog
                .list(new AppealSearch(null, null, "Example"), org.springframework.data.domain.PageRequest.of(0, 10))
                .filter(a -> a.card().deadlineState().kind() == DeadlineState.Kind.OPEN_UNTIL)
                .stream()
                .count();
        assertThat(open).isGreaterThanOrEqualTo(1);

        mvc.perform(get("/appeals/ua-216-16-end-the-harassment-of-liu-xia"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("刘霞"),
                                containsString("Liu Xiaobo dies in custody"),
                                containsString("Almost 70,000 people sign an open letter"))));
    }

    @Test
    void humanRightsDay2017IsAProtestOppositeTheChineseEmbassyForThePrisonersItNamesAndItsThreeDemands()
            throws Exception {
        String event = jdbc.sql("select slug from event where title like 'Human Rights Day 2017:%'")
                .query(String.class)
                .single();
        mvc.perform(get("/events/{slug}", event))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "Human Rights Day 2017: Free all prisoners of conscience held by Chinese Communist Party (CCP) regime"),
                                containsString("Protest"),
                                containsString("Past"),
                                containsString("Sunday 10 December 2017, 11 am – 1 pm"),
                                containsString("Greenwich Mean Time (Europe/London)"),
                                containsString("opposite the Chinese Embassy"),
                                containsString("49-59 Portland Place"),
                                containsString("W1B 1JL"),
                                containsString("Nearest tubes: Great Portland Street, Oxford Circus"),
                                containsString("Protesters will gather to mark International Human Rights Day 2017"),
                                containsString("/appeals/human-rights-day-2017-"))));
        mvc.perform(get("/events/{slug}.ics", event))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("DTSTART;TZID=Europe/London:20171210T110000")))
                .andExpect(content().string(containsString("DTEND;TZID=Europe/London:20171210T130000")));

        AppealDetails appeal = catalog.findPublic(
                        jdbc.sql("select slug from appeal where reference_code = 'Human Rights Day 2017'")
                                .query(String.class)
                                .single())
                .orElseThrow();
        assertThat(appeal.deadlineState().kind()).isEqualTo(DeadlineState.Kind.PASSED);
        assertThat(appeal.people()).hasSize(35);
        assertThat(appeal.people())
                .extracting(AppealDetails.Person::name, AppealDetails.Person::nativeName)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("Yang Tongyan", "杨同彦"),
                        org.assertj.core.groups.Tuple.tuple("Liu Xiaobo", "刘晓波"),
                        org.assertj.core.groups.Tuple.tuple("Liu Xia", "刘霞"),
                        org.assertj.core.groups.Tuple.tuple("Wang Bingzhang", "王炳章"),
                        org.assertj.core.groups.Tuple.tuple("Guo Feixiong", "郭飞雄"),
                        org.assertj.core.groups.Tuple.tuple("Lü Gengsong", "吕耿松"),
                        org.assertj.core.groups.Tuple.tuple("Zhen Jianghua", "甄江华"),
                        org.assertj.core.groups.Tuple.tuple("Ilham Tohti", null),
                        org.assertj.core.groups.Tuple.tuple("Tashi Wangchuk", null),
                        org.assertj.core.groups.Tuple.tuple("Lee Ming-cheh", null));
        assertThat(appeal.people().getFirst().description()).contains("Yang Tianshui (杨天水)");
        assertThat(appeal.demands())
                .containsExactly(
                        "Continue to press the CCP to disclose medical records of of detained human rights defenders to"
                                + " their own appointed doctors / legal counsel and family members on a regular basis",
                        "Call for the release of all Tibetan, Uyghur, Chinese, HongKongese and Taiwanese prisoners of"
                                + " conscience immediately and unconditionally;",
                        "Urge China to immediately sign and ratify International Convention on the Protection of the"
                                + " Rights of All Migrant Workers and Members of their Families.");
        mvc.perform(get("/appeals/{slug}", appeal.slug()))
                .andExpect(content().string(allOf(containsString("/events/" + event), containsString("Past"))));
    }

    @Test
    void aFictionalLetterWritingEveningIsUpcomingForAnOpenAppeal() throws Exception {
        String event = jdbc.sql("select slug from event where kind = 'LETTER_WRITING' and title like 'Example:%'")
                .query(String.class)
                .single();
        String list = mvc.perform(get("/events"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list.indexOf("/events/" + event)).isPositive().isLessThan(list.indexOf("Human Rights Day 2017"));
        mvc.perform(get("/events/{slug}", event))
                .andExpect(content()
                        .string(allOf(
                                containsString("Letter-writing evening"),
                                containsString("6:30 pm – 9 pm"),
                                containsString("EX 2/2026"))));
    }
}
