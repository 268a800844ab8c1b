package org.urgentaction.web;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponents;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links to other pages of the current list, keeping its filters: {@code ${@pageLinks.to(3)}}. */
@Component("pageLinks")
public class PageLinks {

    /** @param page one-based */
    public String to(int page) {
        // Relative, so it stays right behind a proxy; the query string is kept as the browser sent it.
        UriComponents current = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .build();
        return current.getPath() + "?" + current.getQuery();
    }
}
