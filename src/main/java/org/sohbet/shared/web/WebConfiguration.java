package org.sohbet.shared.web;

import org.sohbet.shared.i18n.SohbetLocaleResolver;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** The bean name is the one DispatcherServlet looks up. */
    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        return new SohbetLocaleResolver();
    }

    /**
     * Boot registers a filter that passes every link a template writes through the resource chain, because the
     * webjars locator enables the chain. With static resources at {@code /**}, each link of a page (fifty
     * conversations, each with links) was looked up as a class-path resource: half of the inbox list's CPU time
     * (docs/performance.md). Sohbet's links carry no resource versions, and {@code /webjars/…} without a version is
     * resolved when it is requested, so the filter is kept out: declaring it here makes Boot's back off, and the
     * registration below keeps it from the servlet container.
     */
    @Bean
    ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
        return new ResourceUrlEncodingFilter();
    }

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff(ResourceUrlEncodingFilter filter) {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
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
