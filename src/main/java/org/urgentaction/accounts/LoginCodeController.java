package org.urgentaction.accounts;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.urgentaction.audit.AuditLog;

/**
 * The second step of a login with a second factor: a code from the authenticator app, or a
 * recovery code. Wrong codes count in the login throttle like wrong passwords.
 */
@Controller
class LoginCodeController {

    /** Wrong codes one half-logged-in session may send before it ends and the password is asked again. */
    static final int WRONG_CODES_PER_SESSION = 5;

    private static final String WRONG_CODES = LoginCodeController.class.getName() + ".wrongCodes";

    private final SecondFactor secondFactor;
    private final LoginThrottle throttle;
    private final LoginSteps steps;
    private final AuditLog audit;

    LoginCodeController(SecondFactor secondFactor, LoginThrottle throttle, LoginSteps steps, AuditLog audit) {
        this.secondFactor = secondFactor;
        this.throttle = throttle;
        this.steps = steps;
        this.audit = audit;
    }

    @GetMapping("/login/code")
    String page() {
        return "accounts/login-code";
    }

    @PostMapping("/login/code")
    String check(
            @RequestParam(defaultValue = "") String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, ServletException {
        StaffAuthentication login =
                (StaffAuthentication) SecurityContextHolder.getContext().getAuthentication();
        String email = login.getPrincipal().email();
        String address = request.getRemoteAddr();
        // Counted before the code is checked, so parallel guesses cannot all pass the throttle.
        Optional<LoginThrottle.Refusal> refusal = throttle.reserve(email, address);
        if (refusal.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute(
                    "waitSeconds", Math.max(1, refusal.get().retryAfter().toSeconds()));
            return "accounts/login-code";
        }
        if (code.length() > 40 || !secondFactor.verify(login.getPrincipal().accountId(), code)) {
            audit.recordLogin(email, false, address + " (second factor)");
            if (tooManyWrongCodes(request)) {
                // Whoever has the password but not the phone starts again from the password.
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                return "redirect:/login?error";
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("codeWrong", true);
            return "accounts/login-code";
        }
        throttle.succeeded(email, address);
        request.getSession().removeAttribute(WRONG_CODES);
        audit.recordLogin(email, true, address + " (second factor)");
        steps.stepDone(request, response, login, true);
        return null;
    }

    /** Counts a wrong code in this half-logged-in session; true at the {@value #WRONG_CODES_PER_SESSION}th. */
    private static boolean tooManyWrongCodes(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        // Parallel requests of one session may each miss the others' counts; the throttle, counted
        // atomically, still holds them all.
        Object seen = session.getAttribute(WRONG_CODES);
        int wrong = (seen instanceof Integer count ? count : 0) + 1;
        session.setAttribute(WRONG_CODES, wrong);
        return wrong >= WRONG_CODES_PER_SESSION;
    }
}
