package org.urgentaction.letters;

import java.util.List;

import org.urgentaction.appeals.AppealDetails;
import org.urgentaction.appeals.TargetRole;

/**
 * Someone a letter can go to: an appeal's target, or, for a message of solidarity, the person at
 * risk at their place of detention.
 *
 * @param key  "t12" for target 12, "p5" for person at risk 5; stable across requests
 * @param role primary or copy for a target; null for a person at risk
 */
public record Recipient(
        String key,
        String name,
        String detail,
        List<String> addressBlock,
        String salutation,
        String email,
        String fax,
        String phone,
        TargetRole role,
        String accreditedCountry,
        String socialHandle) {

    static Recipient of(AppealDetails.TargetContact target) {
        String detail = String.join(
                ", ",
                java.util.stream.Stream.of(target.title(), target.organisation())
                        .filter(s -> s != null && !s.isBlank())
                        .toList());
        return new Recipient(
                "t" + target.id(),
                target.name(),
                detail,
                target.addressBlock(),
                target.salutation(),
                target.email(),
                // As dialled from abroad ("+86 10 6238 1025"), not as staff in the country typed them.
                target.faxToShow(),
                target.phoneToShow(),
                target.role(),
                target.accreditedCountry(),
                target.socialHandle());
    }

    static Recipient of(AppealDetails.Person person) {
        List<String> block = new java.util.ArrayList<>();
        block.add(person.name());
        if (person.detentionPlace() != null) {
            block.add(person.detentionPlace());
        }
        block.addAll(person.detentionAddress());
        return new Recipient(
                "p" + person.id(),
                person.name(),
                person.detentionPlace(),
                block,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public boolean isPerson() {
        return key.startsWith("p");
    }
}
