package org.urgentaction.appeals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.modulith.NamedInterface;

import org.urgentaction.targets.AddressFormat;
import org.urgentaction.targets.OfficeHours;
import org.urgentaction.targets.Target;
import org.urgentaction.web.Mailto;
import org.urgentaction.web.PartialDate;
import org.urgentaction.web.PhoneNumbers;

/**
 * Everything a public appeal page shows (backgroundHtml is sanitised, safe to show as it is), read in one transaction so the page never touches a lazy
 * entity. Also the view the letter composer and the report form work from.
 */
@NamedInterface("api")
public record AppealDetails(
        long id,
        String slug,
        String reference,
        String referenceCode,
        Integer followUpNumber,
        String title,
        String country,
        List<String> themes,
        String issuer,
        String summary,
        String backgroundHtml,
        String demandsIntro,
        List<String> demands,
        String targetNote,
        String actionInstructions,
        PartialDate issuedOn,
        String issuedPlace,
        LocalDate deadline,
        AppealStatus status,
        Outcome outcome,
        String outcomeNote,
        LocalDate closedOn,
        DeadlineState deadlineState,
        List<Person> people,
        List<TargetContact> targets,
        List<Update> updates,
        List<Resource> resources,
        FollowUpLink previous,
        List<FollowUpLink> next,
        Set<ActionKind> actions) {

    /** Whether supporters are offered this way to act. */
    public boolean offers(String kind) {
        return actions.contains(ActionKind.valueOf(kind));
    }

    /** Whether supporters can write to the officials, whether by post, e-mail or fax. */
    public boolean offersLetters() {
        return actions.contains(ActionKind.LETTER)
                || actions.contains(ActionKind.EMAIL)
                || actions.contains(ActionKind.FAX);
    }

    public record Person(
            long id,
            String name,
            String nativeName,
            String description,
            Situation situation,
            String situationDetail,
            String detentionPlace,
            List<String> detentionAddress,
            LocalDate birthDate,
            String healthConcerns) {

        public boolean canReceiveMail() {
            return !detentionAddress.isEmpty();
        }
    }

    /**
     * @param addressBlock the lines as the appeal's document prints them, when staff kept them; else name,
     *     title, organisation, then the postal address as its country prints it
     */
    public record TargetContact(
            long id,
            TargetRole role,
            String name,
            String title,
            String organisation,
            String salutation,
            String preferredLanguage,
            List<String> addressBlock,
            String email,
            String fax,
            String phone,
            String socialHandle,
            String accreditedCountry,
            String country,
            OfficeHours officeHours) {

        /** A link to write to them, encoded (an address stored before addresses were checked strictly too). */
        public String mailto() {
            return Mailto.to(email);
        }

        /** "tel:+861062381025", or null when the number cannot be read: then no link is offered. */
        public String tel() {
            String e164 = PhoneNumbers.e164(phone, country);
            return e164 == null ? null : "tel:" + e164;
        }

        /** "+86 10 6238 1025" (as typed when it cannot be read). */
        public String phoneToShow() {
            return PhoneNumbers.international(phone, country);
        }

        public String faxToShow() {
            return PhoneNumbers.international(fax, country);
        }
    }

    public record Update(LocalDate happenedOn, String headline, String body) {}

    public record Resource(String label, String url) {}

    public record FollowUpLink(String slug, String reference, String title) {}

    public List<TargetContact> primaryTargets() {
        return targets.stream().filter(t -> t.role() == TargetRole.PRIMARY).toList();
    }

    public List<TargetContact> copyTargets() {
        return targets.stream().filter(t -> t.role() == TargetRole.COPY).toList();
    }

    public boolean acceptsReports() {
        return deadlineState.acceptsReports();
    }

    /** @param officials the directory's entries for the appeal's targets, by id */
    static AppealDetails of(Appeal appeal, List<Appeal> followUps, Map<Long, Target> officials, LocalDate today) {
        Appeal original = appeal.getFollowUpOf();
        return new AppealDetails(
                appeal.getId(),
                appeal.getSlug(),
                appeal.displayReference(),
                appeal.getReferenceCode(),
                appeal.getFollowUpNumber(),
                appeal.getTitle(),
                appeal.getCountry(),
                List.copyOf(appeal.getThemes()),
                appeal.getIssuer(),
                appeal.getSummary(),
                appeal.getBackgroundHtml(),
                appeal.getDemandsIntro(),
                List.copyOf(appeal.getDemands()),
                appeal.getTargetNote(),
                appeal.getActionInstructions(),
                appeal.getIssued(),
                appeal.getIssuedPlace(),
                appeal.getDeadline(),
                appeal.getStatus(),
                appeal.getOutcome(),
                appeal.getOutcomeNote(),
                appeal.getClosedOn(),
                appeal.deadlineStateOn(today),
                appeal.getPeople().stream().map(AppealDetails::person).toList(),
                appeal.getTargets().stream()
                        .map(link -> target(link, officials.get(link.getTargetId())))
                        .toList(),
                appeal.getUpdates().stream()
                        .map(u -> new Update(u.getHappenedOn(), u.getHeadline(), u.getBody()))
                        .toList(),
                appeal.getResources().stream()
                        .map(r -> new Resource(r.getLabel(), r.href()))
                        .toList(),
                original == null || !original.isPublic() ? null : link(original),
                followUps.stream().map(AppealDetails::link).toList(),
                appeal.getActions());
    }

    private static Person person(PersonAtRisk p) {
        return new Person(
                p.getId(),
                p.getName(),
                p.getNativeName(),
                p.getDescription(),
                p.getSituation(),
                p.getSituationDetail(),
                p.getDetentionPlace(),
                AddressFormat.lines(p.getDetentionAddress()),
                p.getBirthDate(),
                p.getHealthConcerns());
    }

    private static TargetContact target(AppealTarget link, Target t) {
        return new TargetContact(
                t.getId(),
                link.getRole(),
                t.getName(),
                t.getTitle(),
                t.getOrganisation(),
                t.getSalutation(),
                t.getPreferredLanguage(),
                t.addressBlock(),
                t.getEmail(),
                t.getFax(),
                t.getPhone(),
                t.getSocialHandle(),
                t.getAccreditedCountry(),
                t.getAddress() == null ? null : t.getAddress().getCountry(),
                t.getOfficeHours());
    }

    private static FollowUpLink link(Appeal appeal) {
        return new FollowUpLink(appeal.getSlug(), appeal.displayReference(), appeal.getTitle());
    }
}
