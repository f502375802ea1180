package org.sohbet.shared.web;

import org.sohbet.shared.i18n.SohbetLocaleResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** The bean name is the one DispatcherServlet looks up. */
    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        return new SohbetLocaleResolver();
    }

    /** {@code ?lang=fa} on any page picks a language for visitors who are not signed in, kept in a cookie. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        interceptor.setHttpMethods("GET");
        // The widget's pages take their language from the shop page, for that request only: no cookie on the shop's
        // visitors.
        registry.addInterceptor(interceptor).excludePathPatterns("/widget/**");
    }
}
