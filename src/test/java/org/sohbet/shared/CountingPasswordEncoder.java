package org.sohbet.shared;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The application's encoder, counting how often a password is checked. */
public class CountingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final AtomicInteger matches = new AtomicInteger();

    public CountingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    public int matchesCalls() {
        return matches.get();
    }

    public void reset() {
        matches.set(0);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        matches.incrementAndGet();
        return delegate.matches(rawPassword, encodedPassword);
    }
}
