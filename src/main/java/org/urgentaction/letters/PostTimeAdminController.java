package org.urgentaction.letters;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.accounts.CanEdit;
import org.urgentaction.web.Countries;

/** Staff keep the typical post times the composer's advice is based on. */
@Controller
@CanEdit
@RequestMapping("/admin/post-times")
class PostTimeAdminController {

    record PostTimeForm(
            @NotNull @Pattern(regexp = "[A-Z]{2}") String country,
            @NotNull @Min(1) @Max(90) Integer days) {}

    private final PostTimes postTimes;

    PostTimeAdminController(PostTimes postTimes) {
        this.postTimes = postTimes;
    }

    @GetMapping
    String page(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PostTimeForm(null, null));
        }
        model.addAttribute("postTimes", postTimes.all());
        model.addAttribute("defaultDays", postTimes.defaultDays());
        return "admin/templates/post-times";
    }

    @PostMapping
    ModelAndView set(
            @Valid @ModelAttribute("form") PostTimeForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("country") && form.country() != null && !Countries.isKnown(form.country())) {
            errors.rejectValue("country", "report.country.unknown");
        }
        if (errors.hasErrors()) {
            return new ModelAndView(page(model), HttpStatus.BAD_REQUEST);
        }
        postTimes.set(form.country(), form.days());
        redirect.addFlashAttribute("notice", "admin.saved");
        return new ModelAndView("redirect:/admin/post-times");
    }

    @PostMapping("/{country}/remove")
    String remove(@PathVariable String country, RedirectAttributes redirect) {
        postTimes.remove(country);
        redirect.addFlashAttribute("notice", "admin.saved");
        return "redirect:/admin/post-times";
    }
}
