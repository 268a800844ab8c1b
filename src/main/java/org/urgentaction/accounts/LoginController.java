package org.urgentaction.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff login page, in the site's look. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) Long locked, @RequestParam(required = false) Long slow, Model model) {
        if (locked != null) {
            model.addAttribute("lockedMinutes", Math.max(1, (locked + 59) / 60));
        }
        if (slow != null) {
            model.addAttribute("slowSeconds", Math.max(1, slow));
        }
        return "accounts/login";
    }
}
