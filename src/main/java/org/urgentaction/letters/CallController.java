package org.urgentaction.letters;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.urgentaction.appeals.AppealCatalog;
import org.urgentaction.appeals.AppealDetails;
import org.urgentaction.appeals.AppealNotFoundException;

/**
 * "Call the officials": each official with a phone number, the script with their name in it, the
 * time at their office now and whether it is open, what to say to voicemail, and then "how did it
 * go?" into the report form. Nothing is stored; the page is not kept (it shows the time).
 */
@Controller
class CallController {

    private final AppealCatalog catalog;
    private final LetterTemplateRepository templates;
    private final LetterComposer composer;
    private final MessageSource messages;
    private final Clock clock;

    CallController(
            AppealCatalog catalog,
            LetterTemplateRepository templates,
            LetterComposer composer,
            MessageSource messages,
            Clock clock) {
        this.catalog = catalog;
        this.templates = templates;
        this.composer = composer;
        this.messages = messages;
        this.clock = clock;
    }

    /** One official to call: what to say to them, and the time at their office now. */
    record Call(
            AppealDetails.TargetContact official,
            String script,
            String voicemail,
            ZonedDateTime timeThere,
            Boolean open) {}

    @GetMapping("/appeals/{slug}/call")
    String call(@PathVariable String slug, Locale visitor, Model model) {
        AppealDetails appeal = catalog.getPublic(slug);
        if (!appeal.offers("PHONE_CALL")) {
            throw new AppealNotFoundException(slug + "/call");
        }
        Optional<LetterTemplate> script = templates.findForVisitor(appeal.id(), LetterKind.CALL, visitor);
        Instant now = clock.instant();
        List<Call> calls = appeal.targets().stream()
                .filter(target -> target.phone() != null)
                .sorted(Comparator.comparing(AppealDetails.TargetContact::role))
                .map(target -> call(target, script, now))
                .toList();
        model.addAttribute("appeal", appeal);
        model.addAttribute("script", script.orElse(null));
        model.addAttribute("calls", calls);
        return "letters/call";
    }

    private Call call(AppealDetails.TargetContact official, Optional<LetterTemplate> script, Instant now) {
        Recipient recipient = Recipient.of(official);
        Supporter you = script.map(t -> new Supporter(
                        messages.getMessage("call.your.name", null, t.locale()),
                        messages.getMessage("call.your.town", null, t.locale())))
                .orElse(null);
        return new Call(
                official,
                script.map(t -> composer.compose(t, recipient, you).body()).orElse(null),
                script.filter(t -> t.getVoicemail() != null)
                        .map(t -> composer.fill(t.getVoicemail(), t, recipient, you))
                        .orElse(null),
                official.officeHours().localTime(now),
                official.officeHours().isOpenAt(now));
    }
}
