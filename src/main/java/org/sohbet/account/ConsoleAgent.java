package org.sohbet.account;

/**
 * Who is using the console in this request, for the layout's header and navigation. Exposed to templates as the
 * request attribute {@value #ATTRIBUTE}.
 */
public record ConsoleAgent(String displayName, String accountName, Role role) {

    public static final String ATTRIBUTE = "consoleAgent";

    public boolean managesTeam() {
        return role.managesTeam();
    }
}
