<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>LayoutPresets</name>
    <message>
        <source>1+5</source>
        <translation>1+5</translation>
    </message>
    <message>
        <source>1+7</source>
        <translation>1+7</translation>
    </message>
    <message>
        <source>1+12</source>
        <translation>1+12</translation>
    </message>
    <message>
        <source>2+8</source>
        <translation>2+8</translation>
    </message>
    <message>
        <source>3+4</source>
        <translation>3+4</translation>
    </message>
    <message>
        <source>Big + strip</source>
        <translation>Grande + bandeau</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>the picture could not be converted</source>
        <translation>l'image n'a pas pu être convertie</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Impossible de lire le fichier CA %1 : %2</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate</source>
        <translation>Le fichier CA %1 ne contient aucun certificat PEM</translation>
    </message>
</context>
<context>
    <name>vigie</name>
    <message>
        <source>Try 'vigie --help' for more information.</source>
        <translation>Essayez « vigie --help » pour plus d'informations.</translation>
    </message>
    <message>
        <source>Vigie, supervision client for video-protection control rooms.

Connects to a Vigie backend (for example vigie-sim), lists its cameras and shows them live.
Environment: VIGIE_BACKEND (default backend address), VIGIE_PASSWORD (password, instead of
--password-file or the login dialog).</source>
        <translation>Vigie, client de supervision pour centres de supervision urbains.

Se connecte à un serveur Vigie (par exemple vigie-sim), liste ses caméras et les affiche en direct.
Environnement : VIGIE_BACKEND (adresse du serveur par défaut), VIGIE_PASSWORD (mot de passe, au lieu de
--password-file ou de la fenêtre de connexion).</translation>
    </message>
    <message>
        <source>Backend gRPC address (default 127.0.0.1:50051).</source>
        <translation>Adresse gRPC du serveur (par défaut 127.0.0.1:50051).</translation>
    </message>
    <message>
        <source>Connect with TLS (implied by --ca).</source>
        <translation>Connexion chiffrée TLS (implicite avec --ca).</translation>
    </message>
    <message>
        <source>PEM file of the authority that signed the backend's certificate (default: system authorities).</source>
        <translation>Fichier PEM de l'autorité qui a signé le certificat du serveur (par défaut : autorités du système).</translation>
    </message>
    <message>
        <source>User name (default: operator).</source>
        <translation>Nom d'utilisateur (par défaut : operator).</translation>
    </message>
    <message>
        <source>Read the password from the first line of this file (else VIGIE_PASSWORD, else ask).</source>
        <translation>Lire le mot de passe sur la première ligne de ce fichier (sinon VIGIE_PASSWORD, sinon le demander).</translation>
    </message>
    <message>
        <source>Comma-separated camera ids to show first, in tile order (instead of the saved wall).</source>
        <translation>Identifiants des caméras à afficher d'abord, séparés par des virgules, dans l'ordre des tuiles (au lieu du mur enregistré).</translation>
    </message>
    <message>
        <source>How the video wall draws: auto (default: OpenGL, or the CPU path when the display's OpenGL is a software rasteriser), opengl or software (env VIGIE_RENDERER).</source>
        <translation>Mode de rendu du mur vidéo : auto (par défaut : OpenGL, ou le rendu processeur quand l'OpenGL de l'affichage est logiciel), opengl ou software (variable VIGIE_RENDERER).</translation>
    </message>
    <message>
        <source>dark (default, for dim control rooms) or light (env VIGIE_THEME).</source>
        <translation>dark (sombre, par défaut, pour les salles peu éclairées) ou light (clair) (variable VIGIE_THEME).</translation>
    </message>
    <message>
        <source>unexpected argument '%1'</source>
        <translation>argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>backend address '%1' must be host:port</source>
        <translation>l'adresse du serveur « %1 » doit être de la forme hôte:port</translation>
    </message>
    <message>
        <source>cannot read password file %1: %2</source>
        <translation>impossible de lire le fichier de mot de passe %1 : %2</translation>
    </message>
    <message>
        <source>--renderer takes auto, opengl or software, not '%1'</source>
        <translation>--renderer accepte auto, opengl ou software, pas « %1 »</translation>
    </message>
    <message>
        <source>--theme takes dark or light, not '%1'</source>
        <translation>--theme accepte dark ou light, pas « %1 »</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged and could not be moved aside; the default settings are used for now.</source>
        <translation>Le fichier de réglages %1 est endommagé et n'a pas pu être mis de côté ; les réglages par défaut s'appliquent pour cette session.</translation>
    </message>
    <message>
        <source>The settings file was damaged: it was kept as %1 and the default settings are used.</source>
        <translation>Le fichier de réglages était endommagé : il est conservé sous %1 et les réglages par défaut s'appliquent.</translation>
    </message>
    <message>
        <source>auto (default: the system's language), en or fr (env VIGIE_LANGUAGE).</source>
        <translation>auto (par défaut : la langue du système), en ou fr (variable VIGIE_LANGUAGE).</translation>
    </message>
    <message>
        <source>--language takes auto, en or fr, not '%1'</source>
        <translation>--language accepte auto, en ou fr, pas « %1 »</translation>
    </message>
    <message>
        <source>Wall grid size: 1 to 8 (NxN tiles).</source>
        <translation>Taille de la grille du mur : 1 à 8 (NxN tuiles).</translation>
    </message>
    <message>
        <source>--grid takes 1 to 8, not '%1'</source>
        <translation>--grid accepte 1 à 8, pas « %1 »</translation>
    </message>
</context>
<context>
    <name>vigie::app::MainWindow</name>
    <message>
        <source>Vigie — %1</source>
        <translation>Vigie — %1</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Caméras</translation>
    </message>
    <message>
        <source>The saved wall layout could not be read ("%1"): showing 2×2 instead.</source>
        <translation>La disposition enregistrée du mur est illisible (« %1 ») : affichage en 2×2.</translation>
    </message>
    <message>
        <source>Snapshot saved: %1</source>
        <translation>Capture enregistrée : %1</translation>
    </message>
    <message>
        <source>No snapshot: %1</source>
        <translation>Pas de capture : %1</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>Mur</translation>
    </message>
    <message>
        <source>%1×%1</source>
        <translation>%1×%1</translation>
    </message>
    <message>
        <source>Show %1 tiles (%2)</source>
        <translation>Afficher %1 tuiles (%2)</translation>
    </message>
    <message>
        <source>Layouts</source>
        <translation>Dispositions</translation>
    </message>
    <message>
        <source>Larger grids and uneven layouts (one or a few large tiles among small ones)</source>
        <translation>Grilles plus grandes et dispositions mixtes (une ou quelques grandes tuiles parmi des petites)</translation>
    </message>
    <message>
        <source>Clear tile</source>
        <translation>Vider la tuile</translation>
    </message>
    <message>
        <source>Stop the selected tile (Delete)</source>
        <translation>Arrêter la tuile sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>Fill tile</source>
        <translation>Remplir la tuile</translation>
    </message>
    <message>
        <source>Stretch the selected tile's picture over the whole tile, or show it whole again (F)</source>
        <translation>Étirer l'image de la tuile sélectionnée sur toute la tuile, ou la montrer entière à nouveau (F)</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>Save the selected tile's picture as PNG, at the camera's resolution (%1)</source>
        <translation>Enregistrer l'image de la tuile sélectionnée en PNG, à la résolution de la caméra (%1)</translation>
    </message>
    <message>
        <source>Restore grid</source>
        <translation>Rétablir la grille</translation>
    </message>
    <message>
        <source>Show all tiles again after a double-click maximised one (Esc)</source>
        <translation>Réafficher toutes les tuiles après en avoir agrandi une par double-clic (Échap)</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Show each tile's stream figures: frame rates, bitrate, decode time, drops (%1)</source>
        <translation>Afficher les mesures du flux de chaque tuile : images par seconde, débit, temps de décodage, pertes (%1)</translation>
    </message>
    <message>
        <source>Find a camera</source>
        <translation>Chercher une caméra</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Log in again, as another user or after a refused password (Ctrl+L)</source>
        <translation>Se reconnecter, sous un autre nom ou après un mot de passe refusé (Ctrl+L)</translation>
    </message>
    <message>
        <source>Restore the layout</source>
        <translation>Rétablir la disposition</translation>
    </message>
    <message>
        <source>Maximise</source>
        <translation>Agrandir</translation>
    </message>
    <message>
        <source>Fill the tile</source>
        <translation>Remplir la tuile</translation>
    </message>
    <message>
        <source>Close the camera</source>
        <translation>Fermer la caméra</translation>
    </message>
    <message>
        <source>1 … 9, 0</source>
        <translation>1 … 9, 0</translation>
    </message>
    <message>
        <source>Select tile 1 … 10</source>
        <translation>Sélectionner la tuile 1 … 10</translation>
    </message>
    <message>
        <source>← ↑ → ↓</source>
        <translation>← ↑ → ↓</translation>
    </message>
    <message>
        <source>Move the selection to the next tile</source>
        <translation>Déplacer la sélection vers la tuile voisine</translation>
    </message>
    <message>
        <source>Enter, double-click</source>
        <translation>Entrée, double-clic</translation>
    </message>
    <message>
        <source>Maximise the selected tile, or restore the layout</source>
        <translation>Agrandir la tuile sélectionnée, ou rétablir la disposition</translation>
    </message>
    <message>
        <source>Stop the tour</source>
        <translation>Arrêter la ronde</translation>
    </message>
    <message>
        <source>Tour the cameras of this site (%1, 10 s each)</source>
        <translation>Ronde des caméras de ce site (%1, 10 s chacune)</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Automatic (after the tile's size)</source>
        <translation>Automatique (selon la taille de la tuile)</translation>
    </message>
    <message>
        <source>Main stream</source>
        <translation>Flux principal</translation>
    </message>
    <message>
        <source>Sub stream</source>
        <translation>Flux secondaire</translation>
    </message>
</context>
<context>
    <name>vigie::app::TileStatistics</name>
    <message>
        <source>idle</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>playing</source>
        <translation>lecture</translation>
    </message>
    <message>
        <source>stalled</source>
        <translation>bloqué</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>reconnexion</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Overloaded: reduced frame rate</source>
        <translation>Surcharge : cadence réduite</translation>
    </message>
    <message>
        <source>Overloaded: key frames only</source>
        <translation>Surcharge : images clés seulement</translation>
    </message>
    <message>
        <source>%1 %2x%3</source>
        <translation>%1 %2x%3</translation>
    </message>
    <message>
        <source>%1 fps in / %2 out · %3 kbit/s</source>
        <translation>%1 i/s reçues / %2 affichées · %3 kbit/s</translation>
    </message>
    <message>
        <source>decode %1 ms · drops %2 · reconnects %3</source>
        <translation>décodage %1 ms · pertes %2 · reconnexions %3</translation>
    </message>
    <message>
        <source>%1 fps in / %1 out · %1 kbit/s</source>
        <translation>%1 i/s reçues / %1 affichées · %1 kbit/s</translation>
    </message>
    <message>
        <source>decode %1 ms · drops %1 · reconnects %2</source>
        <translation>décodage %1 ms · pertes %1 · reconnexions %2</translation>
    </message>
    <message>
        <source>skipped %1 · errors %2 · last frame %3 ms ago</source>
        <translation>sautées %1 · erreurs %2 · dernière image il y a %3 ms</translation>
    </message>
    <message>
        <source>full rate</source>
        <translation>cadence pleine</translation>
    </message>
    <message>
        <source>reduced rate</source>
        <translation>cadence réduite</translation>
    </message>
    <message>
        <source>key frames only</source>
        <translation>images clés seulement</translation>
    </message>
    <message>
        <source>%1, %2 shed</source>
        <translation>%1, %2 écartées</translation>
    </message>
    <message>
        <source>decoder %1 (%2) · %3</source>
        <translation>décodeur %1 (%2) · %3</translation>
    </message>
    <message>
        <source>VAAPI</source>
        <translation>VAAPI</translation>
    </message>
    <message>
        <source>software</source>
        <translation>logiciel</translation>
    </message>
</context>
<context>
    <name>vigie::app::WallController</name>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>the tile shows no camera</source>
        <translation>la tuile n'affiche aucune caméra</translation>
    </message>
    <message>
        <source>the camera is not playing</source>
        <translation>la caméra n'est pas en lecture</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>mémoire insuffisante</translation>
    </message>
    <message>
        <source>Camera %1 is not in the directory</source>
        <translation>La caméra %1 n'est pas dans l'annuaire</translation>
    </message>
    <message>
        <source>This camera offers no video stream</source>
        <translation>Cette caméra ne propose aucun flux vidéo</translation>
    </message>
    <message>
        <source>Waiting for the camera directory</source>
        <translation>En attente de l'annuaire des caméras</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>%1 · main stream</source>
        <translation>%1 · flux principal</translation>
    </message>
    <message>
        <source>%1 · sub stream</source>
        <translation>%1 · flux secondaire</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No video: %1</source>
        <translation>Pas de vidéo : %1</translation>
    </message>
    <message>
        <source>Reconnecting: %1</source>
        <translation>Reconnexion : %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Camera offline</source>
        <translation>Caméra hors ligne</translation>
    </message>
    <message>
        <source>Camera offline: %1</source>
        <translation>Caméra hors ligne : %1</translation>
    </message>
    <message>
        <source>main stream</source>
        <translation>flux principal</translation>
    </message>
    <message>
        <source>sub stream</source>
        <translation>flux secondaire</translation>
    </message>
    <message>
        <source>%1 · tour %2/%3</source>
        <translation>%1 · ronde %2/%3</translation>
    </message>
</context>
<context>
    <name>vigie::rpc</name>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Backend unreachable</source>
        <translation>Serveur injoignable</translation>
    </message>
    <message>
        <source>Login refused</source>
        <translation>Connexion refusée</translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation>Erreur de configuration</translation>
    </message>
</context>
<context>
    <name>vigie::rpc::BackendClient</name>
    <message>
        <source>Logging in to %1 as %2</source>
        <translation>Connexion à %1 en tant que %2</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Camera list</source>
        <translation>Liste des caméras</translation>
    </message>
    <message>
        <source>Connected to %1 as %2 — %3 cameras</source>
        <translation>Connecté à %1 en tant que %2 — %3 caméras</translation>
    </message>
    <message>
        <source>Directory watch</source>
        <translation>Suivi de l'annuaire</translation>
    </message>
    <message>
        <source>The backend at %1 closed the directory watch</source>
        <translation>Le serveur %1 a fermé le suivi de l'annuaire</translation>
    </message>
    <message>
        <source>%1 — retrying in %2 s</source>
        <translation>%1 — nouvel essai dans %2 s</translation>
    </message>
    <message>
        <source>No news from the backend at %1 for %2 s</source>
        <translation>Aucune nouvelle du serveur %1 depuis %2 s</translation>
    </message>
</context>
<context>
    <name>vigie::rpc::RpcError</name>
    <message>
        <source>Secure connection to %1 refused: its certificate is not signed by a trusted authority (check the CA file)</source>
        <translation>Connexion sécurisée à %1 refusée : son certificat n'est pas signé par une autorité de confiance (vérifiez le fichier CA)</translation>
    </message>
    <message>
        <source>Secure connection to %1 failed: the backend does not speak TLS</source>
        <translation>Échec de la connexion sécurisée à %1 : le serveur ne parle pas TLS</translation>
    </message>
    <message>
        <source>Secure connection to %1 failed (TLS handshake): %2</source>
        <translation>Échec de la connexion sécurisée à %1 (négociation TLS) : %2</translation>
    </message>
    <message>
        <source>Backend at %1 closed the connection while it was being set up (does it expect TLS?)</source>
        <translation>Le serveur %1 a fermé la connexion pendant son établissement (attend-il TLS ?)</translation>
    </message>
    <message>
        <source>Backend unreachable at %1: connection refused</source>
        <translation>Serveur injoignable à %1 : connexion refusée</translation>
    </message>
    <message>
        <source>Backend unreachable at %1: %2</source>
        <translation>Serveur injoignable à %1 : %2</translation>
    </message>
    <message>
        <source>%1: the backend at %2 did not answer in time</source>
        <translation>%1 : le serveur %2 n'a pas répondu à temps</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 : refus — %2</translation>
    </message>
    <message>
        <source>not authenticated</source>
        <translation>non authentifié</translation>
    </message>
    <message>
        <source>%1: permission denied (%2)</source>
        <translation>%1 : permission refusée (%2)</translation>
    </message>
    <message>
        <source>%1: this backend does not implement it</source>
        <translation>%1 : ce serveur ne le prend pas en charge</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 : échec — %2</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>erreur %1</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::CameraTreeModel</name>
    <message>
        <source>%1 (%2/%3 online)</source>
        <translation>%1 (%2/%3 en ligne)</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>Identifiant : %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Étiquettes : %1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>PTZ</source>
        <translation>PTZ</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::CameraTreeView</name>
    <message>
        <source>Search cameras…</source>
        <translation>Chercher des caméras…</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveur : %1</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::WallWidget</name>
    <message>
        <source>Video cannot be shown: OpenGL 3.3 core is not available (this display offers %1.%2).</source>
        <translation>Impossible d'afficher la vidéo : OpenGL 3.3 core n'est pas disponible (cet affichage propose %1.%2).</translation>
    </message>
    <message>
        <source>Video cannot be shown: the video shader could not be built (see the log).</source>
        <translation>Impossible d'afficher la vidéo : le shader vidéo n'a pas pu être construit (voir le journal).</translation>
    </message>
    <message>
        <source>Drop a camera here</source>
        <translation>Déposez une caméra ici</translation>
    </message>
    <message>
        <source>Video cannot be shown: OpenGL is not available.</source>
        <translation>Impossible d'afficher la vidéo : OpenGL n'est pas disponible.</translation>
    </message>
</context>
</TS>