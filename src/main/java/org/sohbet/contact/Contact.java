package org.sohbet.contact;

import org.sohbet.account.AccountId;

/**
 * What agents see of a contact. {@code verified} is true only when the shop signed the identity; an email typed into
 * a form stays unverified.
 */
public record Contact(
        ContactId id, AccountId accountId, String name, String email, String externalId, boolean verified) {

    /** A name to show: the name, else the email, else null (the caller supplies its "Visitor #n" wording). */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return email;
    }
}
