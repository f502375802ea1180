package org.sohbet.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Nothing with that id in the caller's tenant. Another tenant's id gets exactly this answer too, so ids reveal
 * nothing across tenants.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException() {
        super("Not found", null, false, false);
    }
}
