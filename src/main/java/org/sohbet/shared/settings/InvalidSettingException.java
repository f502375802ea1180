package org.sohbet.shared.settings;

/** A setting that stops Sohbet from starting. Its message names the environment variable to fix. */
public class InvalidSettingException extends RuntimeException {

    private final String setting;
    private final String problem;

    public InvalidSettingException(String setting, String problem) {
        this(setting, problem, null);
    }

    public InvalidSettingException(String setting, String problem, Throwable cause) {
        super(setting + ": " + problem, cause);
        this.setting = setting;
        this.problem = problem;
    }

    public String setting() {
        return setting;
    }

    public String problem() {
        return problem;
    }
}
