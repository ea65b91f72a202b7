// Starts Swagger UI on the API's own OpenAPI document. An external file, not an inline
// script: the page's CSP is script-src 'self' and allows nothing else.
window.addEventListener('load', () => {
  window.ui = window.SwaggerUIBundle({
    url: '/v1/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // No request to validator.swagger.io (and no badge): everything stays on this origin.
    validatorUrl: null,
    tryItOutEnabled: false,
    persistAuthorization: false,
    displayRequestDuration: true,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
  });
});
