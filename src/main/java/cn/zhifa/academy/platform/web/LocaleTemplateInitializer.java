package cn.zhifa.academy.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateInstance;

/** Renders every template in the request's language ({@code msg:} lookups follow it). */
@ApplicationScoped
public class LocaleTemplateInitializer implements TemplateInstance.Initializer {

    @Inject
    LocaleContext context;

    @Override
    public void accept(TemplateInstance instance) {
        if (Arc.container().requestContext().isActive()) {
            instance.setLocale(context.getLocale());
        }
    }
}
