package org.urgentaction.demo;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.urgentaction.appeals.Appeal;
import org.urgentaction.appeals.AppealPublished;
import org.urgentaction.appeals.AppealRepository;
import org.urgentaction.appeals.AppealUpdate;
import org.urgentaction.appeals.PersonAtRisk;
import org.urgentaction.appeals.Situation;
import org.urgentaction.letters.LetterKind;
import org.urgentaction.letters.LetterTemplate;
import org.urgentaction.letters.LetterTemplateRepository;
import org.urgentaction.targets.PostalAddress;
import org.urgentaction.targets.Target;
import org.urgentaction.targets.TargetRepository;

import static org.urgentaction.appeals.TargetRole.COPY;
import static org.urgentaction.appeals.TargetRole.PRIMARY;

/**
 * On first start against an empty database: the seed appeals, carried faithfully (a value the
 * source hides, such as an obscured e-mail, is left empty), and two fictional open appeals with
 * deadlines ahead so there is something to act on. Turn off with {@code urgent-action.demo.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "urgent-action.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private final AppealRepository appeals;
    private final TargetRepository targets;
    private final LetterTemplateRepository templates;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    DemoContent(
            AppealRepository appeals,
            TargetRepository targets,
            LetterTemplateRepository templates,
            Clock clock,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.appeals = appeals;
        this.targets = targets;
        this.templates = templates;
        this.clock = clock;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * Loads the appeals, and announces each public one once committed: supporters may already be
     * asking for the list (the server takes requests before this runs), and a list kept from before
     * would show no appeals until it expired.
     */
    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            if (load()) {
                appeals.findAll().stream()
                        .filter(Appeal::isPublic)
                        .forEach(appeal -> events.publishEvent(new AppealPublished(appeal.getId(), appeal.getSlug())));
            }
        });
    }

    /** @return whether anything was loaded (only into an empty database) */
    private boolean load() {
        if (appeals.count() > 0) {
            return false;
        }
        Target xiJinping = targets.save(new Target(
                        "Xi Jinping",
                        "President of the People's Republic of China",
                        "The State Council General Office",
                        "Your Excellency,")
                .withAddress(new PostalAddress("2 Fuyoujie\nXichengqu", "Beijingshi", null, "100017", "CN"))
                .withContacts(null, "+86 10 6238 1025", null, null));
        huangXueqinAndWangJianbing();
        liuPing(xiJinping);
        liuXia(xiJinping);
        beijingCitizensRightsCenter();
        examples();
        log.info("Loaded the demo appeals");
        return true;
    }

    /** Seed 001: Second UA 44.22. */
    private void huangXueqinAndWangJianbing() {
        Target zhangRui = targets.save(new Target(
                        "Zhang Rui",
                        "Director of Guangzhou Public Security Bureau",
                        "Guangzhou Public Security Bureau",
                        "Dear Director Zhang Rui,")
                .withAddress(new PostalAddress("No. 200, Qiyi Road", "Guangzhou", "Guangdong Sheng", "510030", "CN")));
        Target zhangJian = targets.save(new Target(
                        "Zhang Jian",
                        "Chief Procurator",
                        "Guangzhou City People's Procuratorate",
                        "Dear Chief Procurator Zhang Jian,")
                .withAddress(
                        new PostalAddress("No. 66, Huangpu Dadao Xi", "Guangzhou", "Guangdong Sheng", "510600", "CN")));
        // The seed obscures this embassy's e-mail address, so none is recorded.
        Target xieFang = targets.save(new Target(
                        "Xie Fang", "Ambassador", "Chinese Embassy in the United States", "Dear Ambassador Xie Fang,")
                .withAddress(new PostalAddress("3505 International Place, NW", "Washington", "DC", "20008", "US"))
                .accreditedIn("US"));

        Appeal appeal = new Appeal(
                        "UA 44.22",
                        "Two activists faced unjust conviction",
                        "CN",
                        "#MeToo activist, Sophia Huang Xueqin, and labor activist, Wang Jianbing, were arrested on September 19, 2021. "
                                + "On June 14, 2024, Huang was sentenced to 5 years of imprisonment, and Wang to 3 years and 6 months, "
                                + "both for \u201cinciting subversion of state power\u201d.")
                .followUpNumber(2, "Second UA 44.22")
                .issuedBy("Amnesty International", null, null)
                .themes("Women's rights", "Labour rights", "Freedom of expression", "Freedom of association")
                .background("""
                        The evidence used by the prosecution included allegations that the two had organized weekly private \
                        gatherings with activists to discuss civil society challenges in China and received and organized \
                        training in \u201cnon-violent movements\u201d. Wang and Huang have formally filed appeals.

                        Recently, Amnesty learned that they are both facing health concerns but have not been allowed \
                        appropriate access to medical care. They should be released immediately and unconditionally.""")
                .demands(
                        null,
                        "Release Sophia Huang Xueqin and Wang Jianbing immediately and unconditionally, as they have been "
                                + "convicted only for exercising their rights to freedom of expression and association.",
                        "Pending their release, ensure that they have prompt access to adequate medical care, and that they "
                                + "are not subjected to torture or other forms of ill-treatment.")
                .targetNote(
                        "Since there are two targets, we suggest sending the letter to both of them separately, "
                                + "or you can choose to send it to one of them depending on the primary issue you are focusing on.")
                .actionInstructions("""
                        Write a letter in your own words or using the sample below as a guide to one or both government \
                        officials listed. You can also email, fax, call or Tweet them.
                        Let us know the actions you took on Second Urgent Action 44.22. It's important to report because we \
                        share the total number with the officials we are trying to persuade and the people we are trying to help.""")
                .deadline(LocalDate.of(2025, 3, 18))
                .addPerson(new PersonAtRisk("Sophia Huang Xueqin", "黄雪琴", "#MeToo activist", Situation.SENTENCED)
                        .situationDetail(
                                "Arrested on 19 September 2021; sentenced on 14 June 2024 to 5 years' imprisonment "
                                        + "for \u201cinciting subversion of state power\u201d (煽动颠覆国家政权). Has filed an appeal.")
                        .healthConcerns(
                                "Reported to be suffering from prolonged amenorrhea and sudden weight loss, among other "
                                        + "health problems; not allowed appropriate access to medical care."))
                .addPerson(new PersonAtRisk("Wang Jianbing", "王建兵", "Labour activist", Situation.SENTENCED)
                        .situationDetail(
                                "Arrested on 19 September 2021; sentenced on 14 June 2024 to 3 years and 6 months' "
                                        + "imprisonment for \u201cinciting subversion of state power\u201d. Has filed an appeal.")
                        .healthConcerns("Serious heart and gastrointestinal problems; unable to receive timely and "
                                + "appropriate treatment."))
                .addUpdate(new AppealUpdate(LocalDate.of(2021, 9, 19), "Huang Xueqin and Wang Jianbing arrested", null))
                .addUpdate(
                        new AppealUpdate(
                                LocalDate.of(2024, 6, 14),
                                "Both sentenced for \u201cinciting subversion of state power\u201d",
                                "Huang Xueqin was sentenced to 5 years of imprisonment and Wang Jianbing to 3 years and 6 months."))
                .addTarget(zhangRui.getId(), PRIMARY)
                .addTarget(zhangJian.getId(), PRIMARY)
                .addTarget(xieFang.getId(), COPY)
                .publish();
        appeals.save(appeal);
        templates.save(new LetterTemplate(
                        appeal.getId(),
                        "en",
                        LetterKind.APPEAL,
                        "Write to the officials",
                        "Release Huang Xueqin and Wang Jianbing",
                        """
                {salutation}

                I am writing to express my concern for #MeToo activist, Huang Xueqin (黄雪琴), and labor activist, Wang Jianbing (王建兵). On June 14, 2024, Huang was sentenced to five years and Wang to three years and six months, for \u201cinciting subversion of state power\u201d (煽动颠覆国家政权).

                Furthermore, I am concerned about their health. Wang has serious heart and gastrointestinal problems and has been unable to receive timely and appropriate treatment. Huang was also reported to be suffering from prolonged amenorrhea and sudden weight loss, among other health problems.

                Therefore, I urge you to release Sophia Huang Xueqin and Wang Jianbing immediately and unconditionally as they have been convicted only for exercising their rights to freedom of expression and association. Pending their release, ensure that they have prompt access to adequate medical care, and that they are not subjected to torture or other forms of ill-treatment.

                Yours sincerely,

                {supporter_name}
                {supporter_town}""")
                .guidance("Write in your own words or use this sample letter as a guide. Send it to both officials "
                        + "separately, or to the one whose responsibility you focus on."));
    }

    /** Seed 000: ASA 17/040/2014, with a birthday message to the prisoner herself. */
    private void liuPing(Target xiJinping) {
        Appeal appeal = new Appeal(
                        "ASA 17/040/2014",
                        "Justice for Liu Ping",
                        "CN",
                        "Human rights campaigner Liu Ping was sentenced to more than six years in prison in 2014, after organizing "
                                + "an event which called on the Chinese government to step up its fight against corruption. She is one "
                                + "of many people persecuted and detained for their links with the New Citizens' Movement, a loose "
                                + "network of human rights activists in China.")
                .issuedBy("Amnesty International", LocalDate.of(2014, 12, 1), null)
                .themes("Human rights defenders", "Corruption", "Torture")
                .background("""
                        Liu Ping has tried to tackle corruption by pushing for government officials to make their assets \u2013 \
                        things like property and investments \u2013 public. In her trial, she was found guilty of \u2018picking \
                        quarrels and provoking troubles\u2019, \u2018gathering a crowd to disturb order in a public place\u2019, and \
                        even \u2018using an evil cult to undermine law enforcement\u2019. What's more, Liu Ping stated in court that \
                        she was tortured in pre-trial detention, including having her head banged against metal bars.

                        Liu Ping's sentence is part of a wider crackdown on the New Citizens' Movement, which encourages people \
                        to participate in society and hold meetings to discuss social issues. Her case highlights the hypocrisy \
                        of Chinese government officials, who claim to be clamping down on corruption yet persecute those who \
                        try to expose it.

                        Let's get justice for Liu Ping. Write to the Chinese President today, demanding that he release her \
                        immediately.""")
                .demands(null, "Release Liu Ping immediately and unconditionally.")
                .addPerson(new PersonAtRisk(
                                "Liu Ping",
                                "刘萍",
                                "Human rights campaigner, New Citizens' Movement",
                                Situation.SENTENCED)
                        .situationDetail("Sentenced in 2014 to more than six years in prison.")
                        .detainedAt(
                                "Jiangxi Nanchang Women's Prison",
                                new PostalAddress(
                                        "630 Changzheng Road\nZhang Leng County",
                                        "Nanchang City",
                                        "Jiangxi Province",
                                        "330100",
                                        "CN"))
                        // "It's Liu Ping's 50th birthday on 2 December" (December 2014)
                        .bornOn(LocalDate.of(1964, 12, 2))
                        .healthConcerns(
                                "Stated in court that she was tortured in pre-trial detention, including having her "
                                        + "head banged against metal bars."))
                .addTarget(xiJinping.getId(), PRIMARY)
                .publish();
        appeals.save(appeal);
        templates.save(new LetterTemplate(
                        appeal.getId(),
                        "en",
                        LetterKind.APPEAL,
                        "Write to the Chinese President",
                        "Release Liu Ping",
                        """
                {salutation}

                I am writing to call for the immediate and unconditional release of human rights campaigner Liu Ping, who was sentenced in 2014 to more than six years in prison after organizing an event that called on the government to step up its fight against corruption.

                It is hypocritical to imprison an activist for demanding greater transparency at the same time as claiming to be clamping down on corruption. Liu Ping stated in court that she was tortured in pre-trial detention.

                I urge you to release Liu Ping immediately and unconditionally.

                Yours sincerely,

                {supporter_name}
                {supporter_town}""")
                .guidance(
                        "Call for the immediate and unconditional release of Liu Ping, and highlight the hypocrisy of "
                                + "imprisoning an activist for demanding greater transparency at the same time as claiming to be "
                                + "clamping down on corruption."));
        templates.save(new LetterTemplate(
                        appeal.getId(),
                        "en",
                        LetterKind.SOLIDARITY,
                        "Write a letter of support to Liu Ping",
                        "Happy birthday, Liu Ping",
                        """
                {salutation}

                Happy birthday! I am thinking of you on your birthday, and I want you to know that people around the world have not forgotten you or your courage in standing up against corruption.

                With warm wishes and solidarity,

                {supporter_name}
                {supporter_town}""")
                .guidance(
                        "It's Liu Ping's 50th birthday on 2 December, so please send a birthday message to her in prison. "
                                + "You can also upload photos and birthday messages to our Tumblr page."));
    }

    /** Seed 002: the running timeline of the case of Liu Xia and Liu Xiaobo, and the open letter. */
    private void liuXia(Target xiJinping) {
        Appeal appeal = new Appeal(
                        "UA 216/16",
                        "End the harassment of Liu Xia",
                        "CN",
                        "Poet and artist Liu Xia, wife of the late Nobel Peace laureate Liu Xiaobo, has been kept under heavy "
                                + "surveillance and in isolation since October 2010. Almost 70,000 people from across the world have "
                                + "urged China's President to lift all restrictions on her and let her travel freely.")
                .issuedBy("Amnesty International", null, null)
                .themes("Freedom of expression", "Human rights defenders")
                .background("""
                        Liu Xia, artist, poet, and human rights defender, has been forced to stay at home under heavy \
                        surveillance and subjected to intimidation by the Chinese authorities, ever since Liu Xiaobo was awarded \
                        the 2010 Nobel Peace Prize. She has been kept in isolation since October 2010, and she has suffered from \
                        psychological stress, anxiety and depression as a result.

                        Liu Xiaobo was sentenced to 11 years imprisonment in 2009 for "inciting subversion of state power". He \
                        was recognized by Amnesty International as a Prisoner of Conscience. He was diagnosed with late-stage \
                        liver cancer in May 2017 and despite repeated requests from Liu Xiaobo and Liu Xia, the Chinese \
                        authorities refused to let them travel abroad for treatment.""")
                .demands(
                        null,
                        "Lift all arbitrary restrictions against Liu Xia.",
                        "Ensure she can travel freely.",
                        "End the harassment and free Liu Xia now.")
                .addPerson(new PersonAtRisk(
                                "Liu Xia", "刘霞", "Poet, artist and human rights defender", Situation.HOUSE_ARREST)
                        .situationDetail(
                                "Under heavy surveillance and in isolation since October 2010; not heard of since her "
                                        + "husband's funeral and sea burial on 15 July 2017.")
                        .healthConcerns("Psychological stress, anxiety and depression."))
                .addPerson(new PersonAtRisk(
                                "Liu Xiaobo",
                                "刘晓波",
                                "Nobel Peace Prize laureate, prisoner of conscience",
                                Situation.DECEASED)
                        .situationDetail(
                                "Sentenced in 2009 to 11 years for \u201cinciting subversion of state power\u201d; died "
                                        + "in custody of liver cancer on 13 July 2017."))
                .addUpdate(new AppealUpdate(
                        LocalDate.of(2017, 6, 28),
                        "Liu Xiaobo diagnosed with late-stage liver cancer",
                        "The authorities must ensure he receives adequate medical care and effective access to his family, and "
                                + "stop the illegal house arrest of Liu Xia."))
                .addUpdate(new AppealUpdate(
                        LocalDate.of(2017, 7, 5),
                        "Authorities refuse to let Liu Xiaobo travel abroad for treatment",
                        "Medical experts from Germany and the US are invited to China instead."))
                .addUpdate(
                        new AppealUpdate(
                                LocalDate.of(2017, 7, 13),
                                "Liu Xiaobo dies in custody",
                                "He passed away as a result of liver cancer. It is time the authorities stop cruelly punishing Liu Xia."))
                .addUpdate(new AppealUpdate(
                        LocalDate.of(2017, 8, 10),
                        "Protest at the Chinese Embassy in Canada",
                        "Amnesty Canada's Secretary General joined a protest at the Chinese Embassy on 19 July."))
                .addUpdate(new AppealUpdate(
                        LocalDate.of(2017, 8, 11),
                        "Almost 70,000 people sign an open letter to President Xi Jinping",
                        "They call on the Chinese authorities to lift all arbitrary restrictions against Liu Xia and ensure she "
                                + "can travel freely."))
                .addTarget(xiJinping.getId(), PRIMARY)
                .publish();
        appeals.save(appeal);
        templates.save(new LetterTemplate(
                appeal.getId(), "en", LetterKind.APPEAL, "Write to President Xi Jinping", "Free Liu Xia", """
                {salutation}

                I urge you to lift all arbitrary restrictions against poet and artist Liu Xia, end the harassment against her, and ensure that she can travel freely.

                Liu Xia has been kept under surveillance and in isolation since October 2010, only for standing by her late husband, Liu Xiaobo.

                Yours sincerely,

                {supporter_name}
                {supporter_town}"""));
    }

    /** Seed 004: an OMCT / FIDH Observatory urgent intervention with five addressees. */
    private void beijingCitizensRightsCenter() {
        Target huViaWashington = targets.save(new Target(
                        "Hu Jintao",
                        "President of the People's Republic of China",
                        "c/o Embassy of the People's Republic of China",
                        "Your Excellency,")
                .withAddress(new PostalAddress("2300 Connecticut Ave., NW", "Washington, D.C.", null, "20008", "US"))
                .withContacts(null, "+01 202 588-0032", null, null)
                .accreditedIn("US"));
        Target huViaGeneva = targets.save(new Target(
                        "Hu Jintao",
                        "President of the People's Republic of China",
                        "c/o Permanent Mission of the People's Republic of China",
                        "Your Excellency,")
                .withAddress(new PostalAddress(
                        "Chemin de Surville 11\nCase postale 85", "Petit-Lancy 2", "Genève", "1213", "CH"))
                .withContacts(null, "+41 22 7937014", null, null)
                .accreditedIn("CH"));
        Target zhangFusen = targets.save(new Target(
                        "Zhang Fusen",
                        "Minister of Justice of the People's Republic of China",
                        "Sifabu",
                        "Your Excellency,")
                .withAddress(new PostalAddress(
                        "Zhang Fusen Buzhang\n10 Chaoyangmen Nandajie\nChaoyangqu", "Beijingshi", null, "100020", "CN"))
                .withContacts(null, "+86 10 6529 2345", null, null));
        Target liZhaoxing = targets.save(new Target(
                        "Li Zhaoxing",
                        "Minister of Foreign Affairs of the People's Republic of China",
                        "Waijiaobu",
                        "Your Excellency,")
                .withAddress(new PostalAddress(
                        "Li Zhaoxing Buzhang\n2 Chaoyangmen Nandajie", "Beijingshi", null, "100701", "CN"))
                .withContacts(null, "+86 10 6588 2594", null, null));
        Target shaZukang = targets.save(
                new Target("Sha Zukang", "Ambassadeur", "Mission permanente de la Rép. Pop. de Chine", "Excellence")
                        .withAddress(new PostalAddress("Ch. de Surville\nCP 85", "Petit-Lancy 2", null, "1213", "CH"))
                        .withContacts(null, "+41 22 793 70 14", null, null)
                        .withPreferredLanguage("fr")
                        .accreditedIn("CH"));

        Appeal appeal = new Appeal(
                        "CHN 002 / 0505 / OBS 028",
                        "China: Closure of the Beijing Chinese Citizens' Rights Information Center",
                        "CN",
                        "The Observatory for the Protection of Human Rights Defenders has been informed by Human Rights in China "
                                + "(HRIC) that the Beijing police forced the closure of the Beijing Chinese Citizens' Rights Information "
                                + "Center, established by the political activists Mr. Liu Jingsheng and Mr. Li Weiping.")
                .issuedBy(
                        "The Observatory for the Protection of Human Rights Defenders (OMCT / FIDH)",
                        LocalDate.of(2005, 5, 3),
                        "Geneva-Paris")
                .themes("Harassment / Closure of an NGO", "Human rights defenders")
                .background("""
                        Mr. Liu Jingsheng and Mr. Li Weiping decided to establish the Center in recognition of the serious \
                        human rights problems that prevail in Chinese society, and with a view to promote and protect human \
                        rights: assisting citizens in protecting their legal rights and improving awareness of human rights; \
                        offering training to public servants; and influencing public policy with respect to human rights.

                        Beijing police officers, acting on \u201cinstructions from higher levels\u201d, reportedly ordered the \
                        cancellation of a news conference scheduled for 3:00 p.m., on April 18, 2005, at the Friendship Hotel to \
                        announce the establishment of the Center, and gave Mr. Liu and Mr. Li a \u201cfriendly warning\u201d to close \
                        down the organisation as soon as possible.

                        The Center had already been approved for registration by the Beijing municipal government: it obtained \
                        an administrative permit from the Beijing Bureau of Commerce on April 1, 2005, and its commercial permit \
                        on April 8. On April 14, 2005, the Friendship Hotel rescinded its agreement to rent the Center a room, \
                        and the Beijing Public Security Bureau demanded that the news conference be canceled and that plans for \
                        the Center be aborted.

                        Mr. Liu Jingsheng is one of China's most well-known political dissidents; he was sentenced to 15 years \
                        in prison for his involvement in the China Freedom and Democracy Party and the Free Labor Union of China, \
                        and was released on November 27, 2004. Mr. Li Weiping was sentenced to three years in prison for his \
                        participation in a political party, and was the primary force behind the Center.

                        The forced closure of the Center has caused severe financial and personal loss to Mr. Liu Jingsheng \
                        and Mr. Li Weiping, and has obliged them to reconsider the feasibility of offering such a service.""")
                .demands(
                        "Please write to the Chinese authorities, urging them to:",
                        "put an immediate end to any obstacles to the existence and the activities of the Beijing Chinese "
                                + "Citizens' Rights Information Center;",
                        "put an immediate end to any kind of threats and harassment against Mr. Liu Jingsheng and Mr. Li "
                                + "Weiping, as well as against all human rights defenders in China;",
                        "conform with the Declaration on Human Rights Defenders, adopted by the United Nations' General Assembly "
                                + "on December 9, 1998, in particular its article 1, which states that \u201ceveryone has the right, "
                                + "individually and in association with others, to promote and to strive for the protection and "
                                + "realisation of human rights and fundamental freedoms at the national and international levels\u201d, "
                                + "article 5(b), stating that \u201ceveryone has the right, individually and in association with "
                                + "others, at the national and international levels to form, join and participate in "
                                + "non-governmental organisations, associations or groups\u201d, and articles 6(b) and (c) which "
                                + "provides that \u201ceveryone has the right, individually and in association with others (\u2026) to "
                                + "publish, impart or disseminate to others views, information and knowledge on all human rights and "
                                + "fundamental freedoms\u201d and \u201cto study, discuss, form and hold opinions on the observance, both "
                                + "in law and in practice, of all human rights and fundamental freedoms and, through these and other "
                                + "appropriate means, to draw public attention to those matters\u201d;",
                        "conform with the provisions of the Universal Declaration on Human Rights, and with other international "
                                + "instruments binding the Peoples' Republic of China.")
                .actionInstructions("""
                        Kindly inform us of any action undertaken quoting the code of this appeal in your reply.
                        To contact the Observatory, call the Emergency Line:
                        Tel and Fax FIDH: + 33 1 43 55 25 18 / + 33 1 43 55 18 80
                        Tel and Fax OMCT: + 41 22 809 49 39 / + 41 22 809 49 29""")
                .addPerson(
                        new PersonAtRisk(
                                        "Liu Jingsheng",
                                        null,
                                        "Political activist, co-founder of the Beijing Chinese Citizens' Rights Information Center",
                                        Situation.HARASSED)
                                .situationDetail(
                                        "Released from prison on 27 November 2004; threatened and his organisation forced to close."))
                .addPerson(new PersonAtRisk(
                                "Li Weiping",
                                null,
                                "Political activist, primary force behind the Beijing Chinese Citizens' Rights Information Center",
                                Situation.HARASSED)
                        .situationDetail("Given a \u201cfriendly warning\u201d by police to close the Center."))
                .addTarget(huViaWashington.getId(), PRIMARY)
                .addTarget(huViaGeneva.getId(), PRIMARY)
                .addTarget(zhangFusen.getId(), PRIMARY)
                .addTarget(liZhaoxing.getId(), PRIMARY)
                .addTarget(shaZukang.getId(), PRIMARY)
                .publish();
        appeals.save(appeal);
        templates.save(new LetterTemplate(
                appeal.getId(),
                "en",
                LetterKind.APPEAL,
                "Write to the Chinese authorities",
                "CHN 002 / 0505 / OBS 028: Beijing Chinese Citizens' Rights Information Center",
                """
                {salutation}

                Re: CHN 002 / 0505 / OBS 028

                I am writing about the forced closure of the Beijing Chinese Citizens' Rights Information Center, established by Mr. Liu Jingsheng and Mr. Li Weiping, and about the threats made against them.

                I urge the authorities to:
                i. put an immediate end to any obstacles to the existence and the activities of the Beijing Chinese Citizens' Rights Information Center;
                ii. put an immediate end to any kind of threats and harassment against Mr. Liu Jingsheng and Mr. Li Weiping, as well as against all human rights defenders in China;
                iii. conform with the UN Declaration on Human Rights Defenders, in particular its articles 1, 5(b), 6(b) and 6(c);
                iv. conform with the provisions of the Universal Declaration of Human Rights, and with other international instruments binding the People's Republic of China.

                Yours sincerely,

                {supporter_name}
                {supporter_town}"""));
    }

    /** Fictional appeals with deadlines ahead, clearly marked, so a new installation has something to act on. */
    private void examples() {
        LocalDate today = LocalDate.now(clock);
        Target minister = targets.save(new Target(
                        "Minister of Justice (example)",
                        "Minister of Justice",
                        "Ministry of Justice of Exampleland",
                        "Dear Minister,")
                .withAddress(new PostalAddress("1 Example Avenue", "Capital City", null, "10001", "GB"))
                .withContacts("minister@example.org", "+44 20 7946 0000", "+44 20 7946 0001", "@example_justice"));
        Target prosecutor = targets.save(new Target(
                        "Chief Prosecutor (example)",
                        "Chief Prosecutor",
                        "Office of the Prosecutor of Exampleland",
                        "Dear Chief Prosecutor,")
                .withAddress(new PostalAddress("22 Example Road", "Capital City", null, "10002", "GB"))
                .withContacts("prosecutor@example.org", null, null, null));

        Appeal journalist = new Appeal(
                        "EX 1/2026",
                        "Example: journalist held without charge",
                        "GB",
                        "This is a fictional appeal for trying Urgent Action. Journalist Alex Example was detained after reporting "
                                + "on a local protest and has been held without charge or access to a lawyer.")
                .issuedBy("Urgent Action (example content)", today.minusDays(3), null)
                .themes("Freedom of expression", "Example")
                .background("Fictional example. Nothing here describes a real person or a real government.")
                .demands(
                        "Please write to the authorities, urging them to:",
                        "release Alex Example immediately and unconditionally;",
                        "pending release, grant access to a lawyer of their choice and to their family.")
                .deadline(today.plusDays(12))
                .addPerson(new PersonAtRisk("Alex Example", null, "Journalist (fictional)", Situation.DETAINED)
                        .situationDetail("Held without charge since " + today.minusDays(10) + ".")
                        .detainedAt(
                                "Example Detention Centre",
                                new PostalAddress("5 Example Lane", "Capital City", null, "10003", "GB")))
                .addTarget(minister.getId(), PRIMARY)
                .addTarget(prosecutor.getId(), COPY)
                .publish();
        appeals.save(journalist);
        templates.save(new LetterTemplate(
                journalist.getId(), "en", LetterKind.APPEAL, "Write to the Minister", "Release Alex Example", """
                {salutation}

                I am writing to urge you to release journalist Alex Example immediately and unconditionally. Pending their release, please ensure they have access to a lawyer of their choice and to their family.

                Yours sincerely,

                {supporter_name}
                {supporter_town}"""));
        templates.save(new LetterTemplate(
                journalist.getId(),
                "en",
                LetterKind.SOLIDARITY,
                "Send a message of solidarity to Alex",
                "Thinking of you",
                """
                {salutation}

                You are not alone. People around the world are writing for your freedom.

                In solidarity,
                {supporter_name}
                {supporter_town}"""));

        Appeal defenders = new Appeal(
                        "EX 2/2026",
                        "Example: land rights defenders threatened",
                        "GB",
                        "This is a fictional appeal for trying Urgent Action. Two community leaders defending their village's land "
                                + "have received threats after speaking to the press.")
                .issuedBy("Urgent Action (example content)", today.minusDays(1), null)
                .themes("Human rights defenders", "Example")
                .demands(null, "Investigate the threats and protect Sam Example and Kim Example.")
                .deadline(today.plusDays(40))
                .addPerson(new PersonAtRisk("Sam Example", null, "Community leader (fictional)", Situation.AT_RISK))
                .addPerson(new PersonAtRisk("Kim Example", null, "Community leader (fictional)", Situation.HARASSED))
                .addTarget(minister.getId(), PRIMARY)
                .publish();
        appeals.save(defenders);
        templates.save(new LetterTemplate(
                defenders.getId(),
                "en",
                LetterKind.APPEAL,
                "Write to the Minister",
                "Protect Sam Example and Kim Example",
                """
                {salutation}

                I urge you to investigate the threats made against community leaders Sam Example and Kim Example, and to take every measure needed to protect them.

                Yours sincerely,

                {supporter_name}
                {supporter_town}"""));
    }
}
