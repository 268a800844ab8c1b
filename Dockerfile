# Builds the one deployable jar, extracts it and makes its JDK 25 AOT cache (JEP 483/514/515) in a
# training run, then runs it on a JRE with the cache. Used by docker-compose.yml.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -DskipTests package \
 && java -Djarmode=tools -jar target/urgent-action-*.jar extract --destination /app \
 && mv /app/urgent-action-*.jar /app/urgent-action.jar

# The training run starts the app on its embedded database (with the demo), asks it for the first pages
# a supporter opens, exits and writes the classes it loaded and linked, and their profiles, to the cache. The cache belongs to this
# JDK build and this jar: it is made here, next to the runtime image's JRE of the same version.
FROM eclipse-temurin:25-jre AS train
RUN useradd --system --uid 10001 urgentaction
COPY --from=build --chown=urgentaction /app /app
USER urgentaction
RUN URGENT_ACTION_DATA_DIR=/tmp/train-db URGENT_ACTION_SECRET_KEY_FILE=/tmp/train-secrets.json \
    java -XX:AOTCacheOutput=/app/urgent-action.aot -Durgent-action.training-run=true -jar /app/urgent-action.jar \
 && rm -rf /tmp/train-db /tmp/train-secrets.json

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 urgentaction \
 && mkdir -p /var/lib/urgent-action && chown urgentaction /var/lib/urgent-action && chmod 700 /var/lib/urgent-action
USER urgentaction
COPY --from=train /app /app
EXPOSE 8080
ENTRYPOINT ["java", "-XX:AOTCache=/app/urgent-action.aot", "-jar", "/app/urgent-action.jar"]
