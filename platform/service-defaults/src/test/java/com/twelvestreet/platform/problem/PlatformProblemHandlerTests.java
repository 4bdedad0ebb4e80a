package com.twelvestreet.platform.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "management.tracing.export.zipkin.enabled=false")
@AutoConfigureMockMvc
class PlatformProblemHandlerTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void shouldHideUnexpectedErrorsBehindAnInternalServerErrorProblem() {
        assertThat(mvc.get().uri("/boom"))
                .hasStatus(500)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyText()
                .contains("An unexpected error occurred")
                .doesNotContain("database password", "IllegalStateException", "at com.");
    }

    @Test
    void shouldAnswerUnknownIdsWithNotFound() {
        assertThat(mvc.get().uri("/things/7"))
                .hasStatus(404)
                .bodyJson().extractingPath("$.detail").isEqualTo("Thing 7 does not exist");
    }

    @Test
    void shouldAnswerBrokenRulesAndConcurrentEditsWithConflict() {
        assertThat(mvc.get().uri("/rule")).hasStatus(409)
                .bodyJson().extractingPath("$.detail").isEqualTo("Not enough stock");
        assertThat(mvc.get().uri("/stale")).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldNameInvalidFieldsAndRefuseMalformedJson() {
        assertThat(mvc.post().uri("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\"}"))
                .hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(mvc.post().uri("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldRefuseJsonNestedDeeperThanAnyRequestNeeds() {
        String deep = "[".repeat(40) + "]".repeat(40);
        String shallow = "[".repeat(5) + "]".repeat(5);

        // an unknown property is ignored (Spring Boot's default, still applied): only the nesting can refuse it
        assertThat(mvc.post().uri("/things").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"lamp\", \"extra\": " + shallow + "}")).hasStatus(200);
        assertThat(mvc.post().uri("/things").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"lamp\", \"extra\": " + deep + "}"))
                .hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswerWrongTypesAndUnknownPathsWithProblems() {
        assertThat(mvc.get().uri("/things/seven")).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/nowhere")).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @SpringBootApplication
    static class ProblemApp {

        @Bean
        SecurityFilterChain openForTheseTests(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable()).build();
        }

        @RestController
        static class ThingController {

            record Thing(@NotBlank String name) {
            }

            @GetMapping("/boom")
            String boom() {
                throw new IllegalStateException("database password is hunter2");
            }

            @GetMapping("/things/{id}")
            String thing(@PathVariable long id) {
                throw new ResourceNotFoundException("Thing", id);
            }

            @PostMapping("/things")
            Thing create(@Valid @RequestBody Thing thing) {
                return thing;
            }

            @GetMapping("/rule")
            String rule() {
                throw new BusinessRuleViolationException("Not enough stock");
            }

            @GetMapping("/stale")
            String stale() {
                throw new OptimisticLockingFailureException("row 1 of things was updated by another transaction");
            }
        }
    }
}
