// The LSP packages publish their entry points only through package.json `exports`
// (`vscode-languageserver/node`, ...), which the repository's `moduleResolution: node`
// cannot see. These declarations point the compiler at the same files Node loads at run
// time, so the server and the protocol tests get full types without changing tsconfig.
declare module 'vscode-jsonrpc' {
  export * from 'vscode-jsonrpc/lib/common/api';
}
declare module 'vscode-jsonrpc/node' {
  export * from 'vscode-jsonrpc/lib/node/main';
}
declare module 'vscode-languageserver-protocol' {
  export * from 'vscode-languageserver-protocol/lib/common/api';
}
declare module 'vscode-languageserver-protocol/node' {
  export * from 'vscode-languageserver-protocol/lib/node/main';
}
declare module 'vscode-languageserver' {
  export * from 'vscode-languageserver/lib/common/api';
}
declare module 'vscode-languageserver/node' {
  export * from 'vscode-languageserver/lib/node/main';
}
