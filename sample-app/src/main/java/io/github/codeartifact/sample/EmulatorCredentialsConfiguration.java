package io.github.codeartifact.sample;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The emulator's credentials, {@code test}/{@code test}, outside the {@code aws} profile only: with
 * it, the starter uses the AWS SDK's default credentials chain.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + EmbeddedCodeArtifact.AWS_PROFILE)
class EmulatorCredentialsConfiguration {

	@Bean
	AwsCredentialsProvider emulatorCredentialsProvider() {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
	}

}
