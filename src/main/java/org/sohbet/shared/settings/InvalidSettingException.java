package org.sohbet.shared.settings;

/** A setting that stops Sohbet from starting. Its message names the environment variable to fix. */
public class InvalidSettingException extends RuntimeException {

    private final String setting;

    public InvalidSettingException(String setting, String problem) {
        this(setting, problem, null);
    }

    public InvalidSettingException(String setting, String problem, Throwable cause) {
        super(setting + ": " + problem, cause);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    public String problem() {
        String message = getMessage();
        return message.substring(setting.length() + 2);
    }
}
