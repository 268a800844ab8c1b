# Builds the one deployable jar and runs it on a JRE. Used by docker-compose.yml.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 urgentaction \
 && mkdir -p /var/lib/urgent-action && chown urgentaction /var/lib/urgent-action && chmod 700 /var/lib/urgent-action
USER urgentaction
COPY --from=build /src/target/urgent-action-*.jar /app/urgent-action.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/urgent-action.jar"]
