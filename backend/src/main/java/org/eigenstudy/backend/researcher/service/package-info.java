/**
 * Researcher accounts, API tokens and login: the rules for accounts and tokens ({@code
 * AccountService}, {@code TokenService}, {@code FirstAdmin}) and the three identity providers
 * Quarkus security asks (password at form login, the login cookie, bearer tokens). May use {@code
 * researcher.store}, {@code domain}, {@code crypto}.
 */
package org.eigenstudy.backend.researcher.service;
