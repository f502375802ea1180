package org.sohbet.livechat;

import java.util.List;
import java.util.Map;
import org.sohbet.account.AccountId;

/**
 * A website inbox: the widget's public key, the secret that signs identity tokens, the domains that may embed it, and
 * its texts per language tag.
 */
public record WebsiteInbox(
        long id,
        AccountId accountId,
        String name,
        String publicKey,
        String secret,
        List<String> allowedDomains,
        boolean preChat,
        Map<String, String> greeting,
        Map<String, String> replyTime) {}
