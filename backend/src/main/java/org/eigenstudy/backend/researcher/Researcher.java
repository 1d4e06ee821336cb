package org.eigenstudy.backend.researcher;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/** A dashboard account; quarkus-security-jpa checks its bcrypt password at form login. */
@Entity
@Table(name = "researcher")
@UserDefinition
public class Researcher extends PanacheEntityBase {

    public static final String ADMIN = "admin";
    public static final String RESEARCHER = "researcher";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username public String username;

    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    @Roles public String role;

    public static Researcher create(String username, String password, String role) {
        Researcher researcher = new Researcher();
        researcher.username = username;
        researcher.passwordHash = BcryptUtil.bcryptHash(password);
        researcher.role = role;
        researcher.persist();
        return researcher;
    }

    public static Optional<Researcher> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static List<Researcher> listByName() {
        return list("order by username");
    }
}
