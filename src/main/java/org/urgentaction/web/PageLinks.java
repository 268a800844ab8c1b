package org.urgentaction.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Links to other pages of the current list, keeping its filters: {@code ${@pageLinks.to(3)}}. */
@Component("pageLinks")
public class PageLinks {

    /** @param page one-based; the link is relative, so it stays right behind a proxy */
    public String to(int page) {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!parameter.getKey().equals("page")) {
                link.queryParam(parameter.getKey(), (Object[]) parameter.getValue());
            }
        }
        return link.queryParam("page", page).encode().build().toUriString();
    }
}
