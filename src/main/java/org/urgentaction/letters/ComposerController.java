package org.urgentaction.letters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.urgentaction.appeals.AppealCatalog;
import org.urgentaction.appeals.AppealDetails;
import org.urgentaction.web.Countries;
import org.urgentaction.web.RenderedFragments;

/**
 * The letter composer: pick a letter and recipients, sign it, get one letter per recipient to
 * edit, print, e-mail or fax. Nothing is stored.
 */
@Controller
class ComposerController {

    private final AppealCatalog catalog;
    private final LetterTemplateRepository templates;
    private final LetterComposer composer;
    private final PostTimes postTimes;
    private final RenderedFragments fragments;

    ComposerController(
            AppealCatalog catalog,
            LetterTemplateRepository templates,
            LetterComposer composer,
            PostTimes postTimes,
            RenderedFragments fragments) {
        this.catalog = catalog;
        this.templates = templates;
        this.composer = composer;
        this.postTimes = postTimes;
        this.fragments = fragments;
    }

    /** The choice of letter and recipients. Only the template comes from the URL: a name or town there is ignored. */
    @GetMapping("/appeals/{slug}/write")
    String choose(
            @PathVariable String slug,
            @ModelAttribute("form") ComposeForm form,
            BindingResult errors,
            @RequestParam(required = false) LetterKind kind,
            Locale visitor,
            Model model,
            HttpServletResponse response) {
        // The page's form and its errors are the template alone, so nothing else of the URL is shown back.
        ComposeForm choice = ComposeForm.choosing(
                form == null || errors.hasFieldErrors("template") ? null : form.template(),
                form == null ? null : Countries.knownOrNull(form.country()));
        BindingResult choiceErrors = new BeanPropertyBindingResult(choice, "form");
        errors.getFieldErrors("template").forEach(choiceErrors::addError);
        model.addAttribute("form", choice);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", choiceErrors);
        return page(slug, choice, choiceErrors, kind, false, visitor, model, response);
    }

    /**
     * The letters, signed. Sent with POST so the supporter's name and town never appear in a URL
     * (proxy logs, browser history); the page is not kept in any cache either.
     */
    @PostMapping("/appeals/{slug}/write")
    String compose(
            @PathVariable String slug,
            @Valid @ModelAttribute("form") ComposeForm form,
            BindingResult errors,
            Locale visitor,
            Model model,
            HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        return page(slug, form, errors, null, true, visitor, model, response);
    }

    private String page(
            String slug,
            ComposeForm form,
            BindingResult errors,
            LetterKind kind,
            boolean composing,
            Locale visitor,
            Model model,
            HttpServletResponse response) {
        AppealDetails appeal = catalog.getPublic(slug);
        // No target when a value could not be converted (template "abc"); errors say which.
        ComposeForm choices = errors.getTarget() != null ? form : ComposeForm.choosing(null, null);
        List<LetterTemplate> available = lettersOffered(appeal);
        model.addAttribute("appeal", appeal);
        model.addAttribute("templates", available);
        if (available.isEmpty()) {
            return "letters/compose";
        }
        LetterTemplate requested = choices.template() == null ? null : chosen(available, choices.template());
        if (requested == null && choices.template() != null) {
            errors.rejectValue("template", "compose.template.unknown");
        }
        LetterTemplate template = requested != null ? requested : chosen(available, kind, visitor);
        String country = Countries.knownOrNull(choices.country());
        RecipientGroups groups = RecipientGroups.of(composer.recipientsFor(appeal, template.getKind()), country);
        List<Recipient> recipients = groups.all();
        model.addAttribute("template", template);
        model.addAttribute("recipients", groups);
        model.addAttribute("date", composer.dateIn(template.locale()));
        model.addAttribute("countryOptions", countryOptions(country));
        String destination = destinationOf(appeal);
        model.addAttribute("advice", ChannelAdvice.of(appeal, destination, postTimes.to(destination), recipients));
        if (!composing && choices.to().isEmpty()) {
            preselect(choices.addressedTo(groups.preselected()), errors, model);
        }

        List<Letter> letters =
                composing && !errors.hasErrors() ? lettersTo(choices, template, recipients, errors) : new ArrayList<>();
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            letters.clear();
        }
        model.addAttribute("letters", letters);
        model.addAttribute("reportTargetIds", officialIdsOf(letters));
        return "letters/compose";
    }

    /** The form as first shown: the officials, the supporter's embassy and the copies for everyone ticked. */
    private static void preselect(ComposeForm preselected, BindingResult errors, Model model) {
        BindingResult shown = new BeanPropertyBindingResult(preselected, "form");
        errors.getAllErrors().forEach(shown::addError);
        model.addAttribute("form", preselected);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", shown);
    }

    /** Where the letters go: the country of the officials written to, else the appeal's. */
    private static String destinationOf(AppealDetails appeal) {
        return appeal.primaryTargets().stream()
                .map(AppealDetails.TargetContact::country)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(appeal.country());
    }

    /** The country choice, rendered once per country and language (250 options). */
    private String countryOptions(String country) {
        return fragments.render("actions/country-options :: options", "choice", Countries.Choice.of(country));
    }

    /** So "Tell us what you did" arrives with these officials already ticked. */
    private static List<String> officialIdsOf(List<Letter> letters) {
        return letters.stream()
                .map(Letter::recipient)
                .filter(key -> key.startsWith("t"))
                .map(key -> key.substring(1))
                .toList();
    }

    /** One letter per chosen recipient; a recipient not among the appeal's is an error on "to". */
    private List<Letter> lettersTo(
            ComposeForm choices, LetterTemplate template, List<Recipient> recipients, BindingResult errors) {
        List<Letter> letters = new ArrayList<>();
        for (String key : choices.to()) {
            recipients.stream()
                    .filter(r -> r.key().equals(key))
                    .findFirst()
                    .ifPresentOrElse(
                            r -> letters.add(composer.compose(template, r, choices.supporter())),
                            () -> errors.rejectValue("to", "compose.to.unknown"));
        }
        return letters;
    }

    @PostMapping("/appeals/{slug}/write/print")
    String print(
            @PathVariable String slug,
            @Valid @ModelAttribute("form") PrintForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        AppealDetails appeal = catalog.getPublic(slug);
        if (errors.hasErrors()) {
            throw new InvalidLettersException();
        }
        LetterTemplate template = templates
                .findById(form.template())
                .filter(t -> t.getAppealId().equals(appeal.id()) && t.getKind().isWritten())
                .orElse(null);
        if (template == null) {
            throw new InvalidLettersException();
        }
        List<PrintedLetter> letters = new ArrayList<>();
        for (PrintForm.EditedLetter letter : form.letters()) {
            Recipient recipient = composer.recipient(appeal, template.getKind(), letter.to())
                    .orElseThrow(InvalidLettersException::new);
            letters.add(new PrintedLetter(recipient.addressBlock(), letter.body()));
        }
        model.addAttribute("appeal", appeal);
        model.addAttribute("supporter", form.supporter());
        model.addAttribute("date", composer.dateIn(template.locale()));
        model.addAttribute("language", template.getLanguage());
        model.addAttribute("paper", form.paper().name().toLowerCase(Locale.ROOT));
        model.addAttribute("letters", letters);
        return "letters/print";
    }

    record PrintedLetter(List<String> addressBlock, String body) {}

    /** The letters and messages of the ways to act the appeal offers (a call script is not one). */
    private List<LetterTemplate> lettersOffered(AppealDetails appeal) {
        return templates.findByAppealIdOrderByKindAscLanguageAsc(appeal.id()).stream()
                .filter(t -> t.getKind().isWritten())
                .filter(t -> t.getKind().actions().stream().anyMatch(appeal.actions()::contains))
                .toList();
    }

    private static LetterTemplate chosen(List<LetterTemplate> available, long requested) {
        return available.stream()
                .filter(t -> t.getId().equals(requested))
                .findFirst()
                .orElse(null);
    }

    /** The visitor's language's letter of the kind asked for (else an appeal letter), or the first there is. */
    private static LetterTemplate chosen(List<LetterTemplate> available, LetterKind kind, Locale visitor) {
        LetterKind wanted = kind == null ? LetterKind.APPEAL : kind;
        return available.stream()
                .min(Comparator.comparing((LetterTemplate t) -> t.getKind() != wanted)
                        .thenComparing(t -> !t.locale().getLanguage().equals(visitor.getLanguage())))
                .orElseThrow();
    }

    /** A print request that does not match the appeal's letters: a 400 page. */
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.BAD_REQUEST)
    static class InvalidLettersException extends RuntimeException {
        InvalidLettersException() {
            super("The letters to print do not match this appeal");
        }
    }
}
