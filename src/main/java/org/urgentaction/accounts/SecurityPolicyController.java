package org.urgentaction.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation's security policy: whether editors too need a second factor (administrators
 * and organisers always do). Editors without one are asked to enrol at their next login.
 */
@Controller
@AdminOnly
class SecurityPolicyController {

    private final SecurityPolicies policies;

    SecurityPolicyController(SecurityPolicies policies) {
        this.policies = policies;
    }

    @GetMapping("/admin/security")
    String page(Model model) {
        model.addAttribute("policy", policies.current());
        return "admin/accounts/security";
    }

    @PostMapping("/admin/security")
    ModelAndView change(
            @RequestParam(defaultValue = "false") boolean editorsNeedSecondFactor,
            @RequestParam(defaultValue = "-1") long version,
            Model model,
            RedirectAttributes redirect) {
        boolean changed = policies.change(editorsNeedSecondFactor, version);
        if (!changed) {
            model.addAttribute("stale", true);
            return new ModelAndView(page(model), HttpStatus.CONFLICT);
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return new ModelAndView("redirect:/admin/security");
    }
}
