package com.twelvestreet.oauth.token;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Keeps consents, except for device-flow clients: each device activation is confirmed anew.
 * A remembered consent would let a link to {@code /oauth2/device_verification?user_code=...}
 * approve an attacker's device for a logged-in user without asking.
 */
public class DeviceConsentNotRemembered implements OAuth2AuthorizationConsentService {

    private final OAuth2AuthorizationConsentService delegate;
    private final RegisteredClientRepository clients;

    public DeviceConsentNotRemembered(OAuth2AuthorizationConsentService delegate, RegisteredClientRepository clients) {
        this.delegate = delegate;
        this.clients = clients;
    }

    @Override
    public void save(OAuth2AuthorizationConsent consent) {
        if (!isDeviceClient(consent.getRegisteredClientId())) {
            delegate.save(consent);
        }
    }

    @Override
    public void remove(OAuth2AuthorizationConsent consent) {
        delegate.remove(consent);
    }

    @Override
    public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        return isDeviceClient(registeredClientId) ? null : delegate.findById(registeredClientId, principalName);
    }

    private boolean isDeviceClient(String registeredClientId) {
        RegisteredClient client = clients.findById(registeredClientId);
        return client != null && client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.DEVICE_CODE);
    }
}
