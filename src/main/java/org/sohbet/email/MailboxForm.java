package org.sohbet.email;

/**
 * What an admin enters for a mailbox. A blank password keeps the stored one.
 *
 * @param imapPassword in clear only on its way to being encrypted
 */
public record MailboxForm(
        String name,
        String address,
        String imapHost,
        int imapPort,
        Mailbox.Security imapSecurity,
        String imapUser,
        String imapPassword,
        String smtpHost,
        int smtpPort,
        Mailbox.Security smtpSecurity,
        String smtpUser,
        String smtpPassword,
        String signature,
        boolean enabled) {

    @Override
    public String toString() {
        return "MailboxForm[" + address + ", imap=" + imapHost + ":" + imapPort + ", smtp=" + smtpHost + ":" + smtpPort
                + "]";
    }
}
