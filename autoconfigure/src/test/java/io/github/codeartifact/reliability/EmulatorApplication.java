package io.github.codeartifact.reliability;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An application of the auto-configuration with the emulator's {@code test}/{@code test}
 * credentials, for tests that start it with {@code SpringApplicationBuilder}.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration(CodeArtifactAutoConfiguration.class)
class EmulatorApplication {

	@Bean
	AwsCredentialsProvider testCredentials() {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
	}

}
