package org.urgentaction.accounts;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
    String check(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
                 HttpServletResponse response) throws IOException, ServletException {
        StaffAuthentication login = (StaffAuthentication) SecurityContextHolder.getContext().getAuthentication();
        String email = login.getPrincipal().email();
        String address = request.getRemoteAddr();
        Optional<LoginThrottle.Refusal> refusal = throttle.check(email, address);
        if (refusal.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("waitSeconds", Math.max(1, refusal.get().retryAfter().toSeconds()));
            return "accounts/login-code";
        }
        if (code.length() > 40 || !secondFactor.verify(login.getPrincipal().accountId(), code)) {
            throttle.failed(email, address);
            audit.recordLogin(email, false, address + " (second factor)");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("codeWrong", true);
            return "accounts/login-code";
        }
        audit.recordLogin(email, true, address + " (second factor)");
        steps.stepDone(request, response, login, true);
        return null;
    }
}
