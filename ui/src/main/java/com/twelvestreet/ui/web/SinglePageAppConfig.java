package com.twelvestreet.ui.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * The built app: fingerprinted bundles under {@code /assets/} are cached for a year, everything
 * else is revalidated. A path the browser app routes itself ({@code /products/3}, {@code /mypage})
 * is answered with {@code index.html}; a missing file (a name with an extension) stays a 404.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageAppConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new AppRoutes());
    }

    private static final class AppRoutes extends PathResourceResolver {

        @Override
        protected Resource getResource(String path, Resource location) throws IOException {
            Resource file = super.getResource(path, location);
            if (file != null) {
                return file;
            }
            boolean appRoute = !path.startsWith("api/") && !path.substring(path.lastIndexOf('/') + 1).contains(".");
            return appRoute ? super.getResource("index.html", location) : null;
        }
    }
}
