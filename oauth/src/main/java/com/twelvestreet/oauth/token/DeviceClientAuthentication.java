package com.twelvestreet.oauth.token;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Lets a public client (the command line, which can keep no secret) identify itself by its
 * {@code client_id} alone on the two device-flow requests: asking for a device code and polling the
 * token endpoint with it. Spring Authorization Server authenticates public clients only through
 * PKCE, which the device flow does not use.
 */
public final class DeviceClientAuthentication {

    private static final String DEVICE_FLOW = "device_flow";

    private DeviceClientAuthentication() {
    }

    public static AuthenticationConverter converter(String deviceAuthorizationPath) {
        return request -> isDeviceFlow(request, deviceAuthorizationPath)
                ? new OAuth2ClientAuthenticationToken(request.getParameter(OAuth2ParameterNames.CLIENT_ID),
                        ClientAuthenticationMethod.NONE, null, Map.of(DEVICE_FLOW, true))
                : null;
    }

    public static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
                if (!ClientAuthenticationMethod.NONE.equals(token.getClientAuthenticationMethod())
                        || !Boolean.TRUE.equals(token.getAdditionalParameters().get(DEVICE_FLOW))) {
                    return null;
                }
                RegisteredClient client = clients.findByClientId((String) token.getPrincipal());
                if (client == null
                        || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                        || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.DEVICE_CODE)) {
                    throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
                }
                return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    private static boolean isDeviceFlow(HttpServletRequest request, String deviceAuthorizationPath) {
        if (!"POST".equals(request.getMethod()) || request.getHeader("Authorization") != null
                || !StringUtils.hasText(request.getParameter(OAuth2ParameterNames.CLIENT_ID))
                || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null) {
            return false;
        }
        boolean deviceAuthorization = request.getRequestURI().endsWith(deviceAuthorizationPath);
        boolean deviceCodeGrant = AuthorizationGrantType.DEVICE_CODE.getValue()
                .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
        return deviceAuthorization || deviceCodeGrant;
    }
}
