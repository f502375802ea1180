package org.sohbet.shared.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad setting into one clear message instead of a stack trace. */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis(
                "Sohbet cannot start: the setting " + cause.setting() + " is not usable. " + cause.problem(),
                "Fix " + cause.setting() + " (see the configuration table in README.md) and start Sohbet again.",
                cause);
    }
}
