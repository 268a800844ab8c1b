package org.urgentaction.letters;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import org.urgentaction.appeals.AppealCatalog;
import org.urgentaction.appeals.AppealDetails;
import org.urgentaction.appeals.AppealNotFoundException;

/**
 * "Post on social media": the appeal's prewritten posts with the officials' handles in them, each
 * with plain share links (no third-party script or embed: the content security policy stays
 * closed, and no network learns who opened the page before they click).
 */
@Controller
class SocialController {

    private final AppealCatalog catalog;
    private final LetterTemplateRepository templates;

    SocialController(AppealCatalog catalog, LetterTemplateRepository templates) {
        this.catalog = catalog;
        this.templates = templates;
    }

    /** One post, ready to share; {@code length} so the supporter sees whether it fits (X takes 280). */
    record Post(String text, int length, List<ShareLink> links) {}

    record ShareLink(String network, String href) {}

    @GetMapping("/appeals/{slug}/social")
    String social(@PathVariable String slug, Locale visitor, Model model, HttpServletRequest request) {
        AppealDetails appeal = catalog.getPublic(slug);
        if (!appeal.offers("SOCIAL_POST")) {
            throw new AppealNotFoundException(slug + "/social");
        }
        Optional<LetterTemplate> posts = templates.findForVisitor(appeal.id(), LetterKind.SOCIAL, visitor);
        String handles = appeal.targets().stream()
                .sorted(Comparator.comparing(AppealDetails.TargetContact::role))
                .map(AppealDetails.TargetContact::socialHandle)
                .filter(handle -> handle != null && !handle.isBlank())
                .distinct()
                .collect(Collectors.joining(" "));
        String link = ServletUriComponentsBuilder.fromContextPath(request)
                .path("/appeals/{slug}")
                .buildAndExpand(slug)
                .toUriString();
        model.addAttribute("appeal", appeal);
        model.addAttribute("template", posts.orElse(null));
        model.addAttribute(
                "posts", posts.map(t -> postsOf(t.getBody(), handles, link)).orElse(List.of()));
        model.addAttribute("handles", handles);
        return "letters/social";
    }

    /** One post per paragraph; {recipient_handle} becomes the officials' handles, and the link is added. */
    private static List<Post> postsOf(String body, String handles, String link) {
        return Arrays.stream(body.split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(text -> !text.isEmpty())
                .map(text -> text.replace("{" + Placeholders.RECIPIENT_HANDLE + "}", handles)
                        .replaceAll("[ \\t]{2,}", " ")
                        .strip())
                .map(text -> text + " " + link)
                .map(text -> new Post(text, text.codePointCount(0, text.length()), shareLinks(text, link)))
                .toList();
    }

    private static List<ShareLink> shareLinks(String text, String link) {
        String t = UriUtils.encode(text, StandardCharsets.UTF_8);
        String u = UriUtils.encode(link, StandardCharsets.UTF_8);
        return List.of(
                new ShareLink("X", "https://x.com/intent/post?text=" + t),
                new ShareLink("Bluesky", "https://bsky.app/intent/compose?text=" + t),
                new ShareLink("Threads", "https://www.threads.net/intent/post?text=" + t),
                new ShareLink("Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u),
                new ShareLink("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + u));
    }
}
