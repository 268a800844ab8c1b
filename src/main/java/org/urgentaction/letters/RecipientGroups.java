package org.urgentaction.letters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.urgentaction.appeals.TargetRole;

/**
 * The composer's recipients as a supporter in one country sees them: the officials the letter is
 * to, the embassy accredited to their country as a copy, copies for everyone, and behind a
 * disclosure the embassies for other countries. Each official once, and the first three chosen.
 *
 * @param country    the supporter's country (ISO code), or null when they have not said
 * @param noEmbassyHere true when they said, the appeal has embassies, and none is for their country
 */
record RecipientGroups(
        String country,
        List<Recipient> to,
        List<Recipient> yourEmbassy,
        List<Recipient> copies,
        List<Recipient> otherEmbassies,
        boolean noEmbassyHere) {

    static RecipientGroups of(List<Recipient> recipients, String country) {
        List<Recipient> to = new ArrayList<>();
        List<Recipient> yourEmbassy = new ArrayList<>();
        List<Recipient> copies = new ArrayList<>();
        List<Recipient> otherEmbassies = new ArrayList<>();
        for (Recipient recipient : distinct(recipients)) {
            if (recipient.role() != TargetRole.COPY) {
                to.add(recipient);
            } else if (recipient.accreditedCountry() == null) {
                copies.add(recipient);
            } else if (recipient.accreditedCountry().equals(country)) {
                yourEmbassy.add(recipient);
            } else {
                otherEmbassies.add(recipient);
            }
        }
        boolean noEmbassyHere = country != null && yourEmbassy.isEmpty() && !otherEmbassies.isEmpty();
        return new RecipientGroups(country, to, yourEmbassy, copies, otherEmbassies, noEmbassyHere);
    }

    /**
     * One entry per official: a target attached twice, or two directory entries for the same person
     * at the same address, is offered once (as a primary target if it is one).
     */
    private static List<Recipient> distinct(List<Recipient> recipients) {
        Map<Object, Recipient> byOfficial = new LinkedHashMap<>();
        for (Recipient recipient : recipients) {
            Object official = List.of(
                    Objects.toString(recipient.name(), "").strip().toLowerCase(java.util.Locale.ROOT),
                    recipient.addressBlock());
            byOfficial.merge(official, recipient, (first, second) -> first.role() == TargetRole.COPY ? second : first);
        }
        return List.copyOf(byOfficial.values());
    }

    /** Who is ticked before the supporter chooses: those the letter is to, their embassy, copies for all. */
    List<String> preselected() {
        List<String> keys = new ArrayList<>();
        to.forEach(r -> keys.add(r.key()));
        yourEmbassy.forEach(r -> keys.add(r.key()));
        copies.forEach(r -> keys.add(r.key()));
        return keys;
    }

    /** Every recipient offered, in the page's order. */
    List<Recipient> all() {
        List<Recipient> all = new ArrayList<>(to);
        all.addAll(yourEmbassy);
        all.addAll(copies);
        all.addAll(otherEmbassies);
        return all;
    }
}
