package org.urgentaction.appeals;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything an appeal's card in the public list shows, apart from its action count. Being a
 * record, it is part of the key under which the rendered list is kept (web.KeptViews): any change
 * to what it shows is a new key.
 */
public record AppealCard(
        long id,
        String slug,
        String reference,
        String title,
        String country,
        String summary,
        LocalDate deadline,
        DeadlineState deadlineState,
        List<String> people) {}
