/**
 * Infrastructure every module may use: settings, the database, web layout, languages and formats. It holds no domain
 * types and depends on no other module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.sohbet.shared;

import org.springframework.modulith.ApplicationModule;
