package io.github.codeartifact.aot;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Hints for AWS IAM Identity Center (SSO) profiles: the SDK's {@code ProfileCredentialsUtils}
 * creates the {@code sso} module's credentials factory by reflection, and that factory gets the
 * cached SSO token of an {@code sso_session} from the {@code ssooidc} module's profile token
 * factory, also created by reflection ({@code ProfileTokenProviderLoader}). The {@code ssooidc}
 * module's own native metadata covers only {@code SsoOidcTokenProviderFactory}.
 */
final class SsoProfileRuntimeHints implements RuntimeHintsRegistrar {

	static final String SSO_PROFILE_CREDENTIALS_PROVIDER_FACTORY = "software.amazon.awssdk.services.sso.auth.SsoProfileCredentialsProviderFactory";

	static final String SSO_OIDC_PROFILE_TOKEN_PROVIDER_FACTORY = "software.amazon.awssdk.services.ssooidc.SsoOidcProfileTokenProviderFactory";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		SdkFactoryHints.registerFactory(hints, classLoader, SSO_PROFILE_CREDENTIALS_PROVIDER_FACTORY);
		SdkFactoryHints.registerFactory(hints, classLoader, SSO_OIDC_PROFILE_TOKEN_PROVIDER_FACTORY);
	}

}
