package org.urgentaction.actions;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import static org.urgentaction.web.Text.blankToNull;

/**
 * Signing a petition: a name (required), a country, and optionally an e-mail (so it signs once, and,
 * with consent, to hear more) and whether the name may be shown. A bean for the same reason as
 * {@link ActionReportForm}.
 */
class SignatureForm {

    @NotNull
    private String submissionToken;

    @NotBlank
    @Size(max = 200)
    private String name;

    @NotNull
    @Pattern(regexp = "[A-Z]{2}")
    private String country;

    @Email
    @Size(max = 254)
    private String email;

    private boolean consent;

    private boolean showName;

    static SignatureForm blank(String submissionToken) {
        SignatureForm form = new SignatureForm();
        form.submissionToken = submissionToken;
        return form;
    }

    /** Consent is to hearing more by e-mail: it needs an address to mean anything. */
    @AssertTrue
    public boolean isConsentWithEmail() {
        return !consent || email != null;
    }

    /** The e-mail as it is compared: "Ana@Example.org " and "ana@example.org" sign once. */
    String normalisedEmail() {
        return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Without the characters that turn the text after them around (U+202E and kin): a shown name must
     * not reverse the country beside it, nor pass "signed by X" off backwards.
     */
    static String withoutDirectionControls(String text) {
        return text == null ? null : text.replaceAll("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "");
    }

    public String getSubmissionToken() {
        return submissionToken;
    }

    public void setSubmissionToken(String submissionToken) {
        this.submissionToken = submissionToken;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = blankToNull(withoutDirectionControls(name));
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = blankToNull(country);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = blankToNull(email);
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public boolean isShowName() {
        return showName;
    }

    public void setShowName(boolean showName) {
        this.showName = showName;
    }
}
